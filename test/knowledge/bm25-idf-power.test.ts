import { describe, expect, it } from 'vitest';
import { buildBm25Index } from '../../src/knowledge/bm25-index.js';

// Ten one-field documents of three terms: "rare" in doc 0 only; "alpha" and "beta" in three documents each, both in doc 1.
const docs: string[][][] = [
  [['rare', 'filler', 'filler']],
  [['alpha', 'beta', 'filler']],
  [['alpha', 'filler', 'filler']],
  [['alpha', 'filler', 'filler']],
  [['beta', 'filler', 'filler']],
  [['beta', 'filler', 'filler']],
  [['other', 'filler', 'filler']],
  [['other', 'filler', 'filler']],
  [['other', 'filler', 'filler']],
  [['other', 'filler', 'filler']],
];
const terms = ['rare', 'alpha', 'beta'];
// b = 0 and one occurrence each: every matching posting has the same tf part, so scores are sums of idf^power.
const params = { k1: 1.2, b: 0 };

describe('buildBm25Index idfPower', () => {
  it('scores as plain BM25 by default and with power 1', () => {
    const plain = buildBm25Index(docs, [1], params).search(terms).scores;
    const one = buildBm25Index(docs, [1], { ...params, idfPower: 1 }).search(terms).scores;
    expect(Array.from(one)).toEqual(Array.from(plain));
  });

  it('raises idf to the power, so one rare match outweighs two commoner ones', () => {
    const plain = buildBm25Index(docs, [1], params).search(terms).scores;
    const squared = buildBm25Index(docs, [1], { ...params, idfPower: 2 }).search(terms).scores;
    // Plain idf: 2 × idf(n=3) ≈ 2.29 beats idf(n=1) ≈ 1.99; squared: 2 × 1.31 < 3.97.
    expect(plain[1]!).toBeGreaterThan(plain[0]!);
    expect(squared[0]!).toBeGreaterThan(squared[1]!);
    const idfRare = Math.log(1 + (10 - 1 + 0.5) / (1 + 0.5));
    expect(squared[0]! / plain[0]!).toBeCloseTo(idfRare, 5);
  });
});
