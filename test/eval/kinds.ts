import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * Our own incident-vs-service-request dev sets (short ticket titles, balanced), written by hand, never trained on.
 * `kindBlind`, `kindBlind2` and `kindBlind3` were written blind to the seed catalogue (see README.md in this folder).
 */
export const kindSets = {
  kindCheck: fileURLToPath(new URL('./kind-check.jsonl', import.meta.url)),
  kindTitles: fileURLToPath(new URL('./kind-titles.jsonl', import.meta.url)),
  kindBlind: fileURLToPath(new URL('./kind-blind.jsonl', import.meta.url)),
  kindBlind2: fileURLToPath(new URL('./kind-blind-2.jsonl', import.meta.url)),
  kindBlind3: fileURLToPath(new URL('./kind-blind-3.jsonl', import.meta.url)),
};

/** Name of one kind dev set. */
export type KindSetName = keyof typeof kindSets;

/** Kind figures of one dev set; `errors` lists every miss. */
export interface KindFigures {
  macroF1: number;
  items: number;
  errors: Array<{ text: string; expected: string; got: string }>;
}

/**
 * Macro-F1 over {incident, service_request} on one kind dev set (`{text, kind}` lines); any other predicted kind
 * (question, out of scope…) counts as a miss for the expected kind.
 */
export async function evaluateKinds(path: string, kindOf: (text: string) => Promise<string>): Promise<KindFigures> {
  const lines = (await readFile(path, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  const items = lines.map((l) => JSON.parse(l) as { text: string; kind: string });
  const got: string[] = [];
  for (const item of items) got.push(await kindOf(item.text));
  const f1 = (kind: string) => {
    const tp = items.filter((i, n) => i.kind === kind && got[n] === kind).length;
    const fp = items.filter((i, n) => i.kind !== kind && got[n] === kind).length;
    const fn = items.filter((i, n) => i.kind === kind && got[n] !== kind).length;
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  };
  const errors = items.flatMap((i, n) => (got[n] === i.kind ? [] : [{ text: i.text, expected: i.kind, got: got[n]! }]));
  return { macroF1: Math.round(((f1('incident') + f1('service_request')) / 2) * 10000) / 10000, items: items.length, errors };
}

/** {@link evaluateKinds} on every set of {@link kindSets}, keyed by set name. */
export async function evaluateAllKinds(kindOf: (text: string) => Promise<string>): Promise<Record<KindSetName, KindFigures>> {
  const out: Partial<Record<KindSetName, KindFigures>> = {};
  for (const name of Object.keys(kindSets) as KindSetName[]) out[name] = await evaluateKinds(kindSets[name], kindOf);
  return out as Record<KindSetName, KindFigures>;
}
