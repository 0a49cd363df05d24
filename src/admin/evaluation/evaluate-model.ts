import { createUnderstander } from '../../classification/understand.js';
import type { IntentDefinition, Understanding } from '../../classification/types.js';
import type { ModelSnapshot } from '../../model-versions/model-snapshot.js';
import { scorePredictions, type EvaluationReport, type ScoredPrediction } from './score-predictions.js';
import { seededRandom, shuffleInPlace } from '../../classification/seeded-random.js';

/** The label of out-of-scope texts in evaluations. */
export const outOfScopeLabel = 'out_of_scope';

/** A text and the label it should get. */
export interface LabelledText {
  text: string;
  label: string;
}

/** Every training text of a snapshot with its label (`out_of_scope` for the out-of-scope examples). */
export function labelledTexts(snapshot: { intents: Array<{ name: string; examples: string[] }>; outOfScopeExamples: string[] }): LabelledText[] {
  return [
    ...snapshot.intents.flatMap((i) => i.examples.map((text) => ({ text, label: i.name }))),
    ...snapshot.outOfScopeExamples.map((text) => ({ text, label: outOfScopeLabel })),
  ];
}

/** Train the understander exactly as the live bot does, on a subset of a snapshot's texts. */
function train(snapshot: ModelSnapshot, texts: LabelledText[]) {
  const byIntent = new Map<string, string[]>();
  for (const t of texts) byIntent.set(t.label, [...(byIntent.get(t.label) ?? []), t.text]);
  const intents: IntentDefinition[] = snapshot.intents
    .filter((i) => byIntent.has(i.name))
    .map((i) => ({ ...i, examples: byIntent.get(i.name)! }));
  return createUnderstander(intents, byIntent.get(outOfScopeLabel) ?? []);
}

function predict(understand: (text: string) => Understanding, tests: LabelledText[]): ScoredPrediction[] {
  return tests.map((t) => {
    const u = understand(t.text);
    return { text: t.text, expected: t.label, predicted: u.intent ?? outOfScopeLabel, confidence: Math.round(u.confidence * 1000) / 1000 };
  });
}

/**
 * Stratified k-fold cross-validation: each label's texts are shuffled (seeded, so reruns agree) and dealt round-robin
 * into `folds` folds; each fold is predicted by a model trained on the others.
 * @param folds 2..10
 */
export function crossValidate(snapshot: ModelSnapshot, folds: number, seed = 1): EvaluationReport {
  const all = labelledTexts(snapshot);
  const assigned = assignFolds(all, folds, seed);
  const predictions: ScoredPrediction[] = [];
  for (let f = 0; f < folds; f += 1) {
    const tests = all.filter((_, i) => assigned[i] === f);
    const training = all.filter((_, i) => assigned[i] !== f);
    if (!tests.length || !training.some((t) => t.label !== outOfScopeLabel)) continue;
    const model = train(snapshot, training);
    predictions.push(...predict((text) => model.understand(text), tests));
  }
  return scorePredictions(predictions);
}

/** Train on the whole snapshot and score a separate labelled test set (e.g. an uploaded file). */
export function evaluateOnTestSet(snapshot: ModelSnapshot, tests: LabelledText[]): EvaluationReport {
  const model = train(snapshot, labelledTexts(snapshot));
  return scorePredictions(predict((text) => model.understand(text), tests));
}

/** Train on the whole snapshot and understand each text (for shadow replay). */
export function understandAll(snapshot: ModelSnapshot, texts: string[]): Understanding[] {
  const model = train(snapshot, labelledTexts(snapshot));
  return texts.map((t) => model.understand(t));
}

function assignFolds(texts: LabelledText[], folds: number, seed: number): number[] {
  const random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  texts.forEach((t, i) => byLabel.set(t.label, [...(byLabel.get(t.label) ?? []), i]));
  const fold = new Array<number>(texts.length).fill(0);
  let next = 0;
  for (const indices of byLabel.values()) {
    shuffleInPlace(indices, random);
    // Continue dealing where the last label stopped, so small labels do not all land in fold 0.
    for (const index of indices) fold[index] = next++ % folds;
  }
  return fold;
}
