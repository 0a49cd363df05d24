import { softmaxInPlace } from './sparse-vector.js';

/**
 * The confidence below which a model should abstain (answer "none of the intents"), fitted on held-out logits:
 * the threshold that maximises micro-F1 over items whose true class is not `noneIndex`, where abstaining on such an
 * item costs a miss but a wrong intent costs a miss and a false alarm. Of equally good thresholds the middle one
 * is taken, and the result is clamped to [`floor`, `ceiling`] so a handful of held-out items cannot push it to an
 * extreme.
 * @param logits held-out class logits, `labels` their true class indices
 * @param noneIndex index of the out-of-scope class, or undefined when there is none
 */
export function fitAbstainThreshold(
  logits: Float64Array[],
  labels: number[],
  temperature: number,
  noneIndex: number | undefined,
  bounds: { floor: number; ceiling: number },
): number {
  const items = logits.map((z, n) => {
    const p = softmaxInPlace(z.map((v) => v / temperature));
    let best = -1;
    for (let k = 0; k < p.length; k++) if (k !== noneIndex && (best < 0 || p[k]! > p[best]!)) best = k;
    const abstainAnyway = noneIndex !== undefined && p[noneIndex]! > p[best]!;
    return { confidence: abstainAnyway ? -1 : p[best]!, right: best === labels[n], inScope: labels[n] !== noneIndex };
  });
  // Abstaining below any threshold in (c[i], c[i+1]] gives the same answers: score each interval once.
  const cuts = [0, ...new Set(items.map((i) => i.confidence).filter((c) => c >= 0)), 1].sort((a, b) => a - b);
  let bestF1 = -1;
  let bestFrom = 0;
  let bestTo = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const f1 = microF1(items, (cuts[i]! + cuts[i + 1]!) / 2);
    if (f1 > bestF1 + 1e-12) [bestF1, bestFrom, bestTo] = [f1, cuts[i]!, cuts[i + 1]!];
    else if (f1 > bestF1 - 1e-12) bestTo = cuts[i + 1]!;
  }
  return Math.min(bounds.ceiling, Math.max(bounds.floor, (bestFrom + bestTo) / 2));
}

function microF1(items: Array<{ confidence: number; right: boolean; inScope: boolean }>, threshold: number): number {
  let tp = 0, fp = 0, fn = 0;
  for (const item of items) {
    const answered = item.confidence >= threshold;
    if (answered && item.right && item.inScope) tp++;
    if (answered && !item.right) fp++;
    if (item.inScope && !(answered && item.right)) fn++;
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}
