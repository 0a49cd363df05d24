import type { SparseVector } from './sparse-vector.js';

/** Complement naive Bayes weights, row-major `classes × features`, centred per feature (see {@link fitComplementNaiveBayes}). */
export interface ComplementNaiveBayes {
  classes: number;
  features: number;
  rows: Float64Array;
}

/**
 * Complement naive Bayes (Rennie et al. 2003, "Tackling the poor assumptions of naive Bayes text classifiers"):
 * class c's weight for feature j is `−log θ̃_cj`, where θ̃_c is the smoothed feature distribution of every *other*
 * class, so a feature seldom seen outside c speaks for c. Estimating from the complement uses far more data per class
 * than plain naive Bayes, which is what makes it sturdy for intents with one or two examples.
 * Each class's weights are normalised to mean absolute value 1 (Rennie's weight normalisation, rescaled so the
 * figure does not depend on the vocabulary size), then every feature's weights are centred across classes: a text's
 * scores shift by the same amount for every class, which softmax ignores, and the scores stay comparable in size to
 * the other linear terms they are added to.
 * @param vectors non-negative inputs (TF-IDF), `labels` their class indices 0..classes-1
 * @param alpha additive (Laplace/Lidstone) smoothing per feature, > 0
 * @returns weights to score a text as `Σ_j x_j rows[c × features + j]`; all zero with fewer than two classes present
 */
export function fitComplementNaiveBayes(
  vectors: SparseVector[],
  labels: number[],
  classes: number,
  features: number,
  alpha = 0.3,
): ComplementNaiveBayes {
  const perClass = new Float64Array(classes * features);
  const total = new Float64Array(features);
  vectors.forEach((x, n) => {
    const base = labels[n]! * features;
    for (let i = 0; i < x.indices.length; i++) {
      perClass[base + x.indices[i]!] = perClass[base + x.indices[i]!]! + x.values[i]!;
      total[x.indices[i]!] = total[x.indices[i]!]! + x.values[i]!;
    }
  });
  const rows = new Float64Array(classes * features);
  const present = new Set(labels).size;
  if (present < 2 || features === 0) return { classes, features, rows };
  let grand = 0;
  for (const t of total) grand += t;
  for (let c = 0; c < classes; c++) {
    let inClass = 0;
    for (let j = 0; j < features; j++) inClass += perClass[c * features + j]!;
    const denominator = grand - inClass + alpha * features;
    let absolute = 0;
    for (let j = 0; j < features; j++) {
      const complement = total[j]! - perClass[c * features + j]!;
      const weight = -Math.log((complement + alpha) / denominator);
      rows[c * features + j] = weight;
      absolute += weight;
    }
    const scale = features / absolute;
    for (let j = c * features; j < (c + 1) * features; j++) rows[j] = rows[j]! * scale;
  }
  for (let j = 0; j < features; j++) {
    let mean = 0;
    for (let c = 0; c < classes; c++) mean += rows[c * features + j]!;
    mean /= classes;
    for (let c = 0; c < classes; c++) rows[c * features + j] = rows[c * features + j]! - mean;
  }
  return { classes, features, rows };
}
