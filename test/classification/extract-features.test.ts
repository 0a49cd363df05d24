import { describe, expect, it } from 'vitest';
import { extractFeatures, defaultFeatureOptions, NUMBER_SHAPE } from '../../src/classification/extract-features.js';

describe('extractFeatures', () => {
  it('stems words and pairs them, skipping common function words in pairs', () => {
    const counts = extractFeatures('How to upgrade the printers');
    expect([...counts.word.keys()]).toEqual(['how', 'to', 'upgrad', 'the', 'printer']);
    expect([...counts.bigram.keys()]).toEqual(['how upgrad', 'upgrad printer']);
    expect(counts.char.size).toBeGreaterThan(0);
  });

  it('adds one number-shape feature per number when asked, so unseen version numbers still count', () => {
    const withShapes = extractFeatures('upgrade 14.04.1 to 16.04', { ...defaultFeatureOptions, numberShapes: true });
    expect(withShapes.word.get(NUMBER_SHAPE)).toBe(5);
    expect(withShapes.word.get('14')).toBe(1);
    expect(extractFeatures('upgrade 14.04.1 to 16.04').word.has(NUMBER_SHAPE)).toBe(false);
    expect(extractFeatures('upgrade win10 now', { ...defaultFeatureOptions, numberShapes: true }).word.has(NUMBER_SHAPE)).toBe(false);
  });
});
