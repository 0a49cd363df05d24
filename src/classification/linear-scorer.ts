import { featureSpaceFromData, fitFeatureSpace, type FeatureSpace, type FeatureSpaceData, type GroupWeights } from './feature-space.js';
import type { FeatureOptions } from './extract-features.js';
import { trainSoftmaxRegression, type SoftmaxWeights } from './softmax-regression.js';
import { fitCentroids, type Centroids } from './centroid-scorer.js';
import { fitComplementNaiveBayes } from './complement-naive-bayes.js';
import type { SparseVector } from './sparse-vector.js';

/** Settings of the scorer: features, the linear model and the weight of the nearest-centroid term. */
export interface ScorerOptions {
  features?: FeatureOptions;
  groupWeights?: GroupWeights;
  /** L2 penalty of the logistic regression. Default 1e-5 (cross-validated). */
  l2?: number;
  learningRate?: number;
  epochs?: number;
  /** Weight of the cosine-to-centroid score added to each logit. Default 8 (cross-validated). */
  centroidWeight?: number;
  /** Weight of the complement naive Bayes score added to each logit; 0 leaves it out. Default 0. */
  naiveBayesWeight?: number;
  /** Smoothing of complement naive Bayes (per feature, in TF-IDF units). Default 0.3. */
  naiveBayesAlpha?: number;
  seed?: number;
  /** Weight classes by the inverse square root of their size. Default true. */
  balanced?: boolean;
}

/** Uncalibrated class logits for any text: logistic regression plus nearest-centroid cosine. */
export interface Scorer {
  vectorize(text: string): SparseVector;
  /** Logits per class index; the vector is the one {@link vectorize} returned. */
  logits(x: SparseVector): Float64Array;
  /** The fitted scorer as plain data (see {@link scorerFromData}); the weight arrays are shared, not copied. */
  toData(): ScorerData;
}

/** A trained {@link Scorer} as structured-clonable data; `combined` is feature-major `features × classes`. */
export interface ScorerData {
  space: FeatureSpaceData;
  classes: number;
  bias: Float64Array;
  combined: Float64Array;
}

/**
 * Train the scorer on texts whose class index is `labels[i]` (0..classes-1).
 */
export function trainScorer(texts: string[], labels: number[], classes: number, options: ScorerOptions = {}): Scorer {
  const { space, vectors } = fitFeatureSpace(texts, { features: options.features, weights: options.groupWeights });
  const linear: SoftmaxWeights = trainSoftmaxRegression(vectors, labels, classes, space.size, {
    l2: options.l2 ?? 1e-5,
    learningRate: options.learningRate ?? 1,
    epochs: options.epochs,
    seed: options.seed ?? 1,
    balanced: options.balanced ?? true,
  });
  const centroids: Centroids = fitCentroids(vectors, labels, classes, space.size);
  const naiveBayesWeight = options.naiveBayesWeight ?? 0;
  const naiveBayes = naiveBayesWeight === 0 ? null : fitComplementNaiveBayes(vectors, labels, classes, space.size, options.naiveBayesAlpha);
  const combined = featureMajor(linear, [
    { rows: centroids.rows, weight: options.centroidWeight ?? 8 },
    ...(naiveBayes ? [{ rows: naiveBayes.rows, weight: naiveBayesWeight }] : []),
  ]);
  return scorerOf(space, classes, linear.bias, combined);
}

/**
 * Rebuild a scorer from {@link Scorer.toData} without training: same vectors, same logits, bit for bit.
 * @param cues the cue function of the feature space, when it was fitted with one
 */
export function scorerFromData(data: ScorerData, cues?: FeatureOptions['cues']): Scorer {
  return scorerOf(featureSpaceFromData(data.space, cues), data.classes, data.bias, data.combined);
}

function scorerOf(space: FeatureSpace, classes: number, bias: Float64Array, combined: Float64Array): Scorer {
  return {
    vectorize: (text) => space.vectorize(text),
    toData: () => ({ space: space.toData(), classes, bias, combined }),
    logits: (x) => {
      const out = Float64Array.from(bias);
      for (let i = 0; i < x.indices.length; i++) {
        const base = x.indices[i]! * classes;
        const value = x.values[i]!;
        for (let k = 0; k < classes; k++) out[k] = out[k]! + value * combined[base + k]!;
      }
      return out;
    },
  };
}

/**
 * Every model is linear in x, so their weights add up: W + Σ weight × rows (class-major terms such as the
 * centroids and complement naive Bayes), stored feature-major
 * (`features × classes`) so that scoring a sparse text reads one short contiguous run per feature instead of jumping
 * through a many-megabyte matrix once per class (cache misses were most of the cost of a prediction).
 */
function featureMajor(linear: SoftmaxWeights, terms: Array<{ rows: Float64Array; weight: number }>): Float64Array {
  const { classes, features } = linear;
  const combined = Float64Array.from(linear.weights);
  for (const { rows, weight } of terms) {
    for (let k = 0; k < classes; k++) {
      for (let j = 0; j < features; j++) combined[j * classes + k] = combined[j * classes + k]! + weight * rows[k * features + j]!;
    }
  }
  return combined;
}
