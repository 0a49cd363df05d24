import { describe, expect, it } from 'vitest';
import { fitComplementNaiveBayes } from '../../src/classification/complement-naive-bayes.js';
import type { SparseVector } from '../../src/classification/sparse-vector.js';

function vector(entries: Array<[number, number]>): SparseVector {
  return { indices: Int32Array.from(entries.map(([i]) => i)), values: Float64Array.from(entries.map(([, v]) => v)) };
}

function score(rows: Float64Array, features: number, c: number, x: SparseVector): number {
  let total = 0;
  for (let i = 0; i < x.indices.length; i++) total += x.values[i]! * rows[c * features + x.indices[i]!]!;
  return total;
}

describe('fitComplementNaiveBayes', () => {
  // Features: 0 "printer", 1 "upgrade", 2 "how" (shared by every class), 3 "driver" (class 0, once).
  const vectors = [vector([[0, 0.8], [2, 0.6]]), vector([[0, 0.5], [3, 0.5], [2, 0.7]]), vector([[1, 0.8], [2, 0.6]]), vector([[1, 0.9], [2, 0.4]])];
  const labels = [0, 0, 1, 1];
  const model = fitComplementNaiveBayes(vectors, labels, 2, 4);

  it('scores a text highest for the class whose examples share its features', () => {
    const printerQuestion = vector([[0, 0.7], [2, 0.7]]);
    expect(score(model.rows, 4, 0, printerQuestion)).toBeGreaterThan(score(model.rows, 4, 1, printerQuestion));
    const upgradeQuestion = vector([[1, 1]]);
    expect(score(model.rows, 4, 1, upgradeQuestion)).toBeGreaterThan(score(model.rows, 4, 0, upgradeQuestion));
    // A feature seen once, only in class 0, still speaks for class 0.
    expect(model.rows[3]!).toBeGreaterThan(model.rows[4 + 3]!);
  });

  it('centres each feature across classes, so a feature shared evenly weighs almost nothing', () => {
    for (let j = 0; j < 4; j++) expect(model.rows[j]! + model.rows[4 + j]!).toBeCloseTo(0, 12);
    expect(Math.abs(model.rows[2]!)).toBeLessThan(Math.abs(model.rows[0]!));
  });

  it('learns nothing from a single class', () => {
    const single = fitComplementNaiveBayes(vectors, [0, 0, 0, 0], 2, 4);
    expect([...single.rows].every((w) => w === 0)).toBe(true);
  });
});
