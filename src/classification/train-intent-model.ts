import { DeskbotError } from '../core/errors.js';
import type { IntentModel, LabeledExample, Prediction } from './types.js';
import { scorerFromData, trainScorer, type Scorer, type ScorerData, type ScorerOptions } from './linear-scorer.js';
import { outOfFoldLogits } from './out-of-fold-logits.js';
import { fitTemperature } from './calibrate-temperature.js';
import { softmaxInPlace } from './sparse-vector.js';
import { fitAbstainThreshold } from './fit-abstain-threshold.js';
import { defaultFeatureOptions, type FeatureOptions } from './extract-features.js';

/** The label that marks out-of-scope training examples. */
export const NONE_LABEL = 'None';

// A fitted threshold outside this range comes from too few held-out items to trust.
const ABSTAIN_BOUNDS = { floor: 0.2, ceiling: 0.7 };

/** Options of {@link trainIntentModel}; every field has a default. */
export interface TrainIntentModelOptions extends ScorerOptions {
  /**
   * Below this calibrated probability the best intent is not trusted and the prediction is null. `cross-validated`
   * fits it on the calibration folds (see {@link fitAbstainThreshold}). Default 0.
   */
  minConfidence?: number | 'cross-validated';
  /** Cross-validation folds for confidence calibration; 0 or 1 disables it (temperature 1). Default 3. */
  calibrationFolds?: number;
  /** Calibrate on at most this many examples, so training stays fast on big sets. Default 500. */
  calibrationMaxExamples?: number;
  /** Also learn each label's name in words ("DepartureTime" → "departure time") as one example of it. Default false. */
  labelNameExamples?: boolean;
}

/**
 * Settings for a model trained on a user's labelled file alone (`deskbot classify --train`), chosen by repeated
 * 5-fold cross-validation on the training splits of the Braun et al. corpora, the same for every corpus
 * (`test/eval/tune-intents.ts`): label names as examples, a number-shape feature, a complement naive Bayes term
 * (weight 4) beside the logistic regression and the centroids, L2 1e-4, and abstain below a calibrated confidence
 * of 0.5 (a wrong intent costs more than none).
 */
export const standaloneModelOptions: TrainIntentModelOptions = {
  labelNameExamples: true,
  minConfidence: 0.5,
  features: { ...defaultFeatureOptions, numberShapes: true },
  naiveBayesWeight: 4,
  l2: 1e-4,
};

/** An {@link IntentModel} fresh from training (or rebuilt from its data), which can be turned into plain data. */
export interface TrainedIntentModel extends IntentModel {
  /** The model as structured-clonable data (see {@link intentModelFromData}); shares the weight arrays. */
  toData(): IntentModelData;
}

/** A trained intent model as plain data: the scorer, the class names (with `None`), and the calibration. */
export interface IntentModelData {
  scorer: ScorerData;
  classNames: string[];
  temperature: number;
  minConfidence: number;
}

/**
 * Rebuild a trained intent model from {@link TrainedIntentModel.toData} without retraining: it predicts exactly what
 * the original predicted.
 * @param cues the cue function the model's features used, when they used one (e.g. `kindCues`)
 * @throws Error when the data needs a cue function and none is given
 */
export function intentModelFromData(data: IntentModelData, cues?: FeatureOptions['cues']): TrainedIntentModel {
  return modelOf(scorerFromData(data.scorer, cues), data.classNames, data.temperature, data.minConfidence);
}

/**
 * Train an intent classifier: TF-IDF features (stemmed words, bigrams, character 3–5-grams), multinomial logistic
 * regression with L2 plus a nearest-centroid cosine term, and temperature scaling fitted by cross-validation.
 * Examples labelled `None` teach what is out of scope; `None` is never in `labels` or `ranking`.
 * @param examples at least one example with a label other than `None`
 * @throws DeskbotError `bad_request` when there is no intent label to learn
 */
export function trainIntentModel(examples: LabeledExample[], options: TrainIntentModelOptions = {}): TrainedIntentModel {
  const given = examples.filter((e) => typeof e.text === 'string' && typeof e.label === 'string' && e.label !== '');
  const usable = options.labelNameExamples ? [...given, ...labelNameExamples(given)] : given;
  const classNames = [...new Set(usable.map((e) => e.label))].sort();
  const labels = classNames.filter((l) => l !== NONE_LABEL);
  if (labels.length === 0) throw new DeskbotError('bad_request', 'trainIntentModel needs examples of at least one intent');
  const classIndex = new Map(classNames.map((name, i) => [name, i]));
  const texts = usable.map((e) => e.text);
  const targets = usable.map((e) => classIndex.get(e.label)!);
  const scorer = trainScorer(texts, targets, classNames.length, options);
  const held = outOfFoldLogits(texts, targets, classNames.length, {
    ...options,
    folds: options.calibrationFolds ?? 3,
    maxExamples: options.calibrationMaxExamples ?? 500,
  });
  const temperature = fitTemperature(held.logits, held.labels);
  const minConfidence = options.minConfidence === 'cross-validated'
    ? fitAbstainThreshold(held.logits, held.labels, temperature, classIndex.get(NONE_LABEL), ABSTAIN_BOUNDS)
    : options.minConfidence ?? 0;
  return modelOf(scorer, classNames, temperature, minConfidence);
}

function modelOf(scorer: Scorer, classNames: string[], temperature: number, minConfidence: number): TrainedIntentModel {
  const labels = classNames.filter((l) => l !== NONE_LABEL);
  const noneIndex = classNames.indexOf(NONE_LABEL) === -1 ? undefined : classNames.indexOf(NONE_LABEL);

  function predict(text: string): Prediction {
    const x = scorer.vectorize(typeof text === 'string' ? text : '');
    const probabilities = softmaxInPlace(scorer.logits(x).map((z) => z / temperature));
    const ranking = classNames
      .map((label, i) => ({ label, score: probabilities[i]! }))
      .filter((r) => r.label !== NONE_LABEL)
      .sort((a, b) => b.score - a.score);
    const best = ranking[0]!;
    const noneProbability = noneIndex === undefined ? 1 - best.score : probabilities[noneIndex]!;
    const outOfScope = x.indices.length === 0 || best.score < minConfidence || (noneIndex !== undefined && noneProbability > best.score);
    if (outOfScope) return { label: null, confidence: x.indices.length === 0 ? 0 : noneProbability, ranking };
    return { label: best.label, confidence: best.score, ranking };
  }

  return { labels, predict, toData: () => ({ scorer: scorer.toData(), classNames, temperature, minConfidence }) };
}

function labelNameExamples(examples: LabeledExample[]): LabeledExample[] {
  const labels = [...new Set(examples.map((e) => e.label))].filter((l) => l !== NONE_LABEL);
  return labels.map((label) => ({ label, text: label.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase() }));
}
