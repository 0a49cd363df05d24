import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** One line of a Braun et al. corpus file. */
export interface CorpusItem {
  text: string;
  label: string;
  split: 'train' | 'test';
}

/** Read every `*.jsonl` corpus of `dir`: corpus name (file name without extension) → items. */
export async function readCorpora(dir: string): Promise<Map<string, CorpusItem[]>> {
  const corpora = new Map<string, CorpusItem[]>();
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort()) {
    const lines = (await readFile(join(dir, file), 'utf8')).split('\n').filter((l) => l.trim() !== '');
    corpora.set(file.replace(/\.jsonl$/, ''), lines.map((l) => JSON.parse(l) as CorpusItem));
  }
  return corpora;
}

/** Scores of one engine on one corpus. */
export interface CorpusScore {
  /** Micro-F1 over test items whose gold label is not None (a None/null prediction for them is a miss). */
  microF1: number;
  noneRecall: number | null;
  nonePrecision: number | null;
  msPerMessage: number;
  testItems: number;
}

/**
 * Score predictions the way Braun et al. and the Snips/Botfuel tables do: None is excluded from the micro-F1,
 * both as gold (items skipped) and as prediction (counted neither TP nor FP).
 * @param predicted the predicted label per test item, `None` for out of scope
 */
export function scoreCorpus(gold: string[], predicted: string[], msPerMessage: number): CorpusScore {
  let tp = 0, fp = 0, fn = 0, noneTp = 0, noneGold = 0, nonePredicted = 0;
  gold.forEach((g, i) => {
    const p = predicted[i]!;
    if (g === 'None') noneGold++;
    if (p === 'None') nonePredicted++;
    if (g === 'None' && p === 'None') noneTp++;
    if (g !== 'None' && p === g) tp++;
    if (g !== 'None' && p !== g) fn++;
    if (p !== 'None' && p !== g) fp++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return {
    microF1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)),
    noneRecall: noneGold === 0 ? null : round(noneTp / noneGold),
    nonePrecision: nonePredicted === 0 ? null : round(noneTp / nonePredicted),
    msPerMessage: round(msPerMessage),
    testItems: gold.length,
  };
}

function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}
