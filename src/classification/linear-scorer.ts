import { fitFeatureSpace, type GroupWeights } from './feature-space.js';
import type { FeatureOptions } from './extract-features.js';
import { trainSoftmaxRegression, softmaxLogits, type SoftmaxWeights } from './softmax-regression.js';
import { fitCentroids, addCentroidScores, type Centroids } from './centroid-scorer.js';
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
  seed?: number;
  /** Weight classes by the inverse square root of their size. Default true. */
  balanced?: boolean;
}

/** Uncalibrated class logits for any text: logistic regression plus nearest-centroid cosine. */
export interface Scorer {
  vectorize(text: string): SparseVector;
  /** Logits per class index; the vector is the one {@link vectorize} returned. */
  logits(x: SparseVector): Float64Array;
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
  const weight = options.centroidWeight ?? 8;
  return {
    vectorize: (text) => space.vectorize(text),
    logits: (x) => addCentroidScores(centroids, x, weight, softmaxLogits(linear, x, new Float64Array(classes))),
  };
}
