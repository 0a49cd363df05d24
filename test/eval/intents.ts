import { standaloneModelOptions, trainIntentModel } from '../../src/classification/train-intent-model.js';
import { createUnderstander } from '../../src/classification/understand.js';
import { loadSeedIntents } from '../../src/classification/load-seed-intents.js';
import { readCorpora, scoreCorpus, type CorpusItem, type CorpusScore } from './intents-corpus.js';
import { trainNlpJs } from './nlpjs-engine.js';
import { evaluateKinds, kindSets } from './kinds.js';
import { crossValidate } from './cross-validate.js';

/** Figures of one corpus: both engines on the test split, and deskbot's cross-validated micro-F1 on the train split. */
interface CorpusFigures {
  deskbot: CorpusScore;
  nlpjs: CorpusScore;
  /** NLP.js time per message ÷ deskbot's. */
  speedup: number;
  /** Repeated 5-fold cross-validation on the train split: the figure settings were chosen by. */
  deskbotTrainCrossValidatedMicroF1: number;
}

/**
 * Held-out intent evaluation on the Braun et al. corpora in `dir` (`*.jsonl`, fields text/label/split): each engine
 * is trained on split=train and scored on split=test (micro-F1 without None, None precision/recall, ms per message
 * over one pass of unseen test texts after a warm-up on the train texts).
 * Also the incident-vs-service-request macro-F1 of the seed catalogue on both kind dev sets.
 * @returns `{ corpora: { [name]: CorpusFigures }, kindCheck, kindTitles }`
 */
export async function evaluateIntents(dir: string): Promise<object> {
  const corpora: Record<string, CorpusFigures> = {};
  for (const [name, items] of await readCorpora(dir)) {
    const train = items.filter((i) => i.split === 'train');
    const test = items.filter((i) => i.split === 'test');
    const { deskbot, nlpjs } = await scoreBoth(train, test);
    const cv = crossValidate(train, (examples) => trainIntentModel(examples, standaloneModelOptions), { folds: 5, repeats: 6 });
    const speedup = Math.round((nlpjs.msPerMessage / Math.max(1e-4, deskbot.msPerMessage)) * 10) / 10;
    corpora[name] = { deskbot, nlpjs, speedup, deskbotTrainCrossValidatedMicroF1: cv.microF1 };
  }
  const seed = loadSeedIntents();
  const understander = createUnderstander(seed.intents, seed.outOfScopeExamples);
  return {
    corpora,
    kindCheck: await evaluateKinds(kindSets.kindCheck, async (text) => understander.understand(text).kind),
    kindTitles: await evaluateKinds(kindSets.kindTitles, async (text) => understander.understand(text).kind),
  };
}

// Each engine first warms up (JIT) on the train texts, then predicts each test text exactly once, timed: repeating a
// text would flatter an engine that caches results (NLP.js does).
const WARM_UP_PASSES = 3;

type Predict = (text: string) => Promise<string>;

async function scoreBoth(train: CorpusItem[], test: CorpusItem[]): Promise<{ deskbot: CorpusScore; nlpjs: CorpusScore }> {
  const model = trainIntentModel(train, standaloneModelOptions);
  const engine = await trainNlpJs(train);
  const engines: Predict[] = [async (text) => model.predict(text).label ?? 'None', (text) => engine.predict(text)];
  const predicted: string[][] = [];
  const msPerMessage: number[] = [];
  for (const predict of engines) {
    for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const item of train) await predict(item.text);
    const out: string[] = [];
    const started = performance.now();
    for (const item of test) out.push(await predict(item.text));
    msPerMessage.push((performance.now() - started) / test.length);
    predicted.push(out);
  }
  const gold = test.map((i) => i.label);
  return { deskbot: scoreCorpus(gold, predicted[0]!, msPerMessage[0]!), nlpjs: scoreCorpus(gold, predicted[1]!, msPerMessage[1]!) };
}
