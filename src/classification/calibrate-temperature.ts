import { softmaxInPlace } from './sparse-vector.js';

/**
 * Temperature scaling (Guo et al. 2017): the T in [0.05, 20] minimising the mean negative log-likelihood of
 * `softmax(logits / T)` for held-out logits and their true class indices. Returns 1 when there is nothing to fit.
 */
export function fitTemperature(logits: Float64Array[], labels: number[]): number {
  if (logits.length === 0) return 1;
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const golden = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const a = hi - golden * (hi - lo);
    const b = lo + golden * (hi - lo);
    if (negativeLogLikelihood(logits, labels, Math.exp(a)) < negativeLogLikelihood(logits, labels, Math.exp(b))) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

function negativeLogLikelihood(logits: Float64Array[], labels: number[], temperature: number): number {
  let total = 0;
  for (let n = 0; n < logits.length; n++) {
    const p = softmaxInPlace(logits[n]!.map((z) => z / temperature));
    total -= Math.log(Math.max(1e-12, p[labels[n]!]!));
  }
  return total / logits.length;
}
