import type { IntentModel, LabeledExample } from '../../src/classification/types.js';
import { seededRandom, shuffleInPlace } from '../../src/classification/seeded-random.js';
import { scoreCorpus, type CorpusScore } from './intents-corpus.js';

/** Settings of {@link crossValidate}. */
export interface CrossValidationOptions {
  folds?: number;
  repeats?: number;
  seed?: number;
}

/**
 * Repeated stratified k-fold cross-validation on training items only (used to choose settings without the test
 * split): every repeat deals each label's shuffled items round-robin into `folds` parts, trains on the others and
 * predicts the held part. Scored like the test split (micro-F1 without None, None precision/recall) over all
 * held-out predictions of all repeats.
 */
export function crossValidate(
  items: LabeledExample[],
  train: (examples: LabeledExample[]) => IntentModel,
  options: CrossValidationOptions = {},
): CorpusScore {
  const folds = options.folds ?? 5;
  const repeats = options.repeats ?? 4;
  const gold: string[] = [];
  const predicted: string[] = [];
  for (let r = 0; r < repeats; r++) {
    const fold = assignFolds(items, folds, seededRandom((options.seed ?? 1) * 1000 + r));
    for (let f = 0; f < folds; f++) {
      const kept = items.filter((_, i) => fold[i] !== f);
      const held = items.filter((_, i) => fold[i] === f);
      if (held.length === 0) continue;
      const model = train(kept);
      for (const item of held) {
        gold.push(item.label);
        predicted.push(model.predict(item.text).label ?? 'None');
      }
    }
  }
  return scoreCorpus(gold, predicted, 0);
}

function assignFolds(items: LabeledExample[], folds: number, random: () => number): number[] {
  const fold = new Array<number>(items.length).fill(0);
  const byLabel = new Map<string, number[]>();
  items.forEach((item, i) => byLabel.set(item.label, [...(byLabel.get(item.label) ?? []), i]));
  let offset = Math.floor(random() * folds);
  for (const indices of byLabel.values()) {
    shuffleInPlace(indices, random).forEach((i, n) => (fold[i] = (offset + n) % folds));
    offset = (offset + indices.length) % folds;
  }
  return fold;
}
