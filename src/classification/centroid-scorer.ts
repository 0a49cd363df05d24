import type { SparseVector } from './sparse-vector.js';

/** Unit-length mean vector of each class, row-major `classes × features`. */
export interface Centroids {
  classes: number;
  features: number;
  rows: Float64Array;
}

/**
 * Average the (L2-normalised) vectors of each class and normalise the means: a nearest-centroid model whose
 * cosine similarity complements the linear model on classes with very few examples.
 */
export function fitCentroids(vectors: SparseVector[], labels: number[], classes: number, features: number): Centroids {
  const rows = new Float64Array(classes * features);
  vectors.forEach((x, n) => {
    const base = labels[n]! * features;
    for (let i = 0; i < x.indices.length; i++) rows[base + x.indices[i]!] = rows[base + x.indices[i]!]! + x.values[i]!;
  });
  for (let k = 0; k < classes; k++) {
    let norm = 0;
    for (let j = k * features; j < (k + 1) * features; j++) norm += rows[j]! * rows[j]!;
    if (norm === 0) continue;
    const inv = 1 / Math.sqrt(norm);
    for (let j = k * features; j < (k + 1) * features; j++) rows[j] = rows[j]! * inv;
  }
  return { classes, features, rows };
}
