import { softmaxInPlace, type SparseVector } from './sparse-vector.js';
import { seededRandom, shuffleInPlace } from './seeded-random.js';

/**
 * Multinomial logistic regression weights, feature-major (`features × classes`: the weights of feature j for every
 * class are contiguous, so a sparse input touches one short run per feature), plus one bias per class.
 */
export interface SoftmaxWeights {
  classes: number;
  features: number;
  weights: Float64Array;
  bias: Float64Array;
}

/** Training settings for {@link trainSoftmaxRegression}. */
export interface SoftmaxOptions {
  /** L2 penalty λ on the weights (not the biases) of the mean log-loss objective. */
  l2: number;
  /** Passes over the data; default chosen from the data size (more passes for small sets). */
  epochs?: number;
  /** Initial learning rate of the Bottou schedule η_t = η0 / (1 + λ η0 t). */
  learningRate: number;
  seed: number;
  /** Weight classes inversely to their size so intents with few examples are not swamped. Default false. */
  balanced?: boolean;
}

/**
 * Fit multinomial logistic regression with L2 by stochastic gradient descent (inputs should be L2-normalised).
 * @param vectors training inputs
 * @param labels class index of each input, 0..classes-1
 */
export function trainSoftmaxRegression(
  vectors: SparseVector[],
  labels: number[],
  classes: number,
  features: number,
  options: SoftmaxOptions,
): SoftmaxWeights {
  const model: SoftmaxWeights = { classes, features, weights: new Float64Array(classes * features), bias: new Float64Array(classes) };
  const order = vectors.map((_, i) => i);
  const random = seededRandom(options.seed);
  const epochs = options.epochs ?? Math.min(100, Math.max(4, Math.ceil(12000 / Math.max(1, vectors.length))));
  const scores = new Float64Array(classes);
  const sampleWeight = classWeights(labels, classes, options.balanced ?? false);
  let scale = 1; // weights are stored divided by `scale` so the L2 shrink costs O(1) per step
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const n of order) {
      const rate = options.learningRate / (1 + options.l2 * options.learningRate * step++);
      const x = vectors[n]!;
      const label = labels[n]!;
      classScores(model.weights, x, classes, scale, model.bias, scores);
      softmaxInPlace(scores);
      scale *= 1 - rate * options.l2;
      const weight = sampleWeight[label]!;
      for (let k = 0; k < classes; k++) {
        const gradient = (scores[k]! - (k === label ? 1 : 0)) * weight;
        // Classes the model already rules out contribute almost nothing; skipping them makes epochs cheap.
        const skip = gradient < 1e-4 && gradient > -1e-4;
        scores[k] = skip ? 0 : (-rate * gradient) / scale;
        if (!skip) model.bias[k] = model.bias[k]! - rate * gradient;
      }
      addScaledOuter(model.weights, x, classes, scores);
      if (scale < 1e-6) scale = rescale(model.weights, scale);
    }
  }
  rescale(model.weights, scale);
  return model;
}

function classWeights(labels: number[], classes: number, balanced: boolean): Float64Array {
  const weights = new Float64Array(classes).fill(1);
  if (!balanced) return weights;
  const counts = new Float64Array(classes);
  for (const label of labels) counts[label] = counts[label]! + 1;
  const present = counts.filter((c) => c > 0).length;
  for (let k = 0; k < classes; k++) if (counts[k]! > 0) weights[k] = Math.sqrt(labels.length / (present * counts[k]!));
  return weights;
}

/** `out[k] = scale × Σ_i x_i W[x_i, k] + bias[k]` for feature-major W. */
function classScores(weights: Float64Array, x: SparseVector, classes: number, scale: number, bias: Float64Array, out: Float64Array): void {
  out.fill(0);
  for (let i = 0; i < x.indices.length; i++) {
    const base = x.indices[i]! * classes;
    const value = x.values[i]!;
    for (let k = 0; k < classes; k++) out[k] = out[k]! + value * weights[base + k]!;
  }
  for (let k = 0; k < classes; k++) out[k] = scale * out[k]! + bias[k]!;
}

/** `W[x_i, k] += x_i × factors[k]` for every feature of x (factors of 0 are skipped classes). */
function addScaledOuter(weights: Float64Array, x: SparseVector, classes: number, factors: Float64Array): void {
  for (let i = 0; i < x.indices.length; i++) {
    const base = x.indices[i]! * classes;
    const value = x.values[i]!;
    for (let k = 0; k < classes; k++) if (factors[k] !== 0) weights[base + k] = weights[base + k]! + value * factors[k]!;
  }
}

function rescale(weights: Float64Array, scale: number): number {
  for (let i = 0; i < weights.length; i++) weights[i] = weights[i]! * scale;
  return 1;
}
