/** A sparse vector: parallel arrays of feature indices and values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
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
