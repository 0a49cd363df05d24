import { trainScorer, type ScorerOptions } from './linear-scorer.js';
import { seededRandom, shuffleInPlace } from './seeded-random.js';

/**
 * Cross-validated logits: split (at most `maxExamples` of) the data into `folds` parts, train on the others and
 * score each part. Used to calibrate confidence on texts the model has not seen.
 * @returns the held-out logits and their true class indices, in matching order
 */
export function outOfFoldLogits(
  texts: string[],
  labels: number[],
  classes: number,
  options: ScorerOptions & { folds: number; maxExamples: number },
): { logits: Float64Array[]; labels: number[] } {
  const order = shuffleInPlace(texts.map((_, i) => i), seededRandom((options.seed ?? 1) + 7)).slice(0, options.maxExamples);
  const folds = Math.min(options.folds, order.length);
  const out: { logits: Float64Array[]; labels: number[] } = { logits: [], labels: [] };
  if (folds < 2) return out;
  for (let f = 0; f < folds; f++) {
    const held = order.filter((_, i) => i % folds === f);
    const kept = order.filter((_, i) => i % folds !== f);
    const scorer = trainScorer(kept.map((i) => texts[i]!), kept.map((i) => labels[i]!), classes, options);
    for (const i of held) {
      out.logits.push(scorer.logits(scorer.vectorize(texts[i]!)));
      out.labels.push(labels[i]!);
    }
  }
  return out;
}
