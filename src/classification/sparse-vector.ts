/** A sparse vector: parallel arrays of feature indices and values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/** Dot product of a sparse vector with row `row` of a dense row-major matrix of width `width`. */
export function dotRow(vector: SparseVector, matrix: Float64Array, row: number, width: number): number {
  const base = row * width;
  const { indices, values } = vector;
  let sum = 0;
  for (let i = 0; i < indices.length; i++) sum += values[i]! * matrix[base + indices[i]!]!;
  return sum;
}

/** Numerically stable softmax of `scores`, in place; returns the same array. */
export function softmaxInPlace(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let total = 0;
  for (let i = 0; i < scores.length; i++) {
    scores[i] = Math.exp(scores[i]! - max);
    total += scores[i]!;
  }
  for (let i = 0; i < scores.length; i++) scores[i] = scores[i]! / total;
  return scores;
}
