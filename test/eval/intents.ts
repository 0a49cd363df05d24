import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { standaloneModelOptions, trainIntentModel } from '../../src/classification/train-intent-model.js';
import { createUnderstander } from '../../src/classification/understand.js';
import type { Understander } from '../../src/classification/types.js';
import { loadSeedIntents } from '../../src/classification/load-seed-intents.js';
import { readCorpora, scoreCorpus, type CorpusItem, type CorpusScore } from './intents-corpus.js';
import { trainNlpJs } from './nlpjs-engine.js';

/** Our own incident-vs-service-request dev sets (short ticket titles, balanced), written by hand, never trained on. */
const kindSets = {
  kindCheck: fileURLToPath(new URL('./kind-check.jsonl', import.meta.url)),
  kindTitles: fileURLToPath(new URL('./kind-titles.jsonl', import.meta.url)),
};

/**
 * Held-out intent evaluation on the Braun et al. corpora in `dir` (`*.jsonl`, fields text/label/split): each engine
 * is trained on split=train and scored on split=test (micro-F1 without None, None precision/recall, ms per message).
 * Also the incident-vs-service-request macro-F1 of the seed catalogue on `test/eval/kind-check.jsonl`.
 * @returns `{ corpora: { [name]: { deskbot: CorpusScore, nlpjs: CorpusScore } }, kindCheck: { macroF1, items, errors } }`
 */
export async function evaluateIntents(dir: string): Promise<object> {
  const corpora: Record<string, { deskbot: CorpusScore; nlpjs: CorpusScore }> = {};
  for (const [name, items] of await readCorpora(dir)) {
    const train = items.filter((i) => i.split === 'train');
    const test = items.filter((i) => i.split === 'test');
    corpora[name] = { deskbot: await scoreDeskbot(train, test), nlpjs: await scoreNlpJs(train, test) };
  }
  const seed = loadSeedIntents();
  const understander = createUnderstander(seed.intents, seed.outOfScopeExamples);
  return {
    corpora,
    kindCheck: await evaluateKinds(kindSets.kindCheck, understander),
    kindTitles: await evaluateKinds(kindSets.kindTitles, understander),
  };
}

// Each engine predicts the test split once to warm up (JIT, caches) and is then timed over TIMED_PASSES passes.
const TIMED_PASSES = 5;

async function scoreDeskbot(train: CorpusItem[], test: CorpusItem[]): Promise<CorpusScore> {
  const model = trainIntentModel(train, standaloneModelOptions);
  return timedScore(test, async (text) => model.predict(text).label ?? 'None');
}

async function scoreNlpJs(train: CorpusItem[], test: CorpusItem[]): Promise<CorpusScore> {
  const engine = await trainNlpJs(train);
  return timedScore(test, (text) => engine.predict(text));
}

async function timedScore(test: CorpusItem[], predict: (text: string) => Promise<string>): Promise<CorpusScore> {
  const predicted: string[] = [];
  for (const item of test) predicted.push(await predict(item.text));
  const started = performance.now();
  for (let pass = 0; pass < TIMED_PASSES; pass++) for (const item of test) await predict(item.text);
  return scoreCorpus(test.map((i) => i.label), predicted, (performance.now() - started) / (TIMED_PASSES * test.length));
}

/** Macro-F1 over {incident, service_request} of the seed understander on one kind dev set (`{text, kind}` lines). */
export async function evaluateKinds(
  path: string,
  understander: Understander,
): Promise<{ macroF1: number; items: number; errors: Array<{ text: string; expected: string; got: string }> }> {
  const lines = (await readFile(path, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  const items = lines.map((l) => JSON.parse(l) as { text: string; kind: string });
  const got = items.map((i) => understander.understand(i.text).kind as string);
  const f1 = (kind: string) => {
    const tp = items.filter((i, n) => i.kind === kind && got[n] === kind).length;
    const fp = items.filter((i, n) => i.kind !== kind && got[n] === kind).length;
    const fn = items.filter((i, n) => i.kind === kind && got[n] !== kind).length;
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  };
  const errors = items.flatMap((i, n) => (got[n] === i.kind ? [] : [{ text: i.text, expected: i.kind, got: got[n]! }]));
  return { macroF1: Math.round(((f1('incident') + f1('service_request')) / 2) * 10000) / 10000, items: items.length, errors };
}
