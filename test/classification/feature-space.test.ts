import { describe, expect, it } from 'vitest';
import { fitFeatureSpace, defaultGroupWeights } from '../../src/classification/feature-space.js';
import { extractFeatures, defaultFeatureOptions, type FeatureGroup } from '../../src/classification/extract-features.js';
import { tokenize } from '../../src/classification/normalize-text.js';

const training = [
  'How do I upgrade Ubuntu to the newest release?',
  'printer is not printing anything, the queue is stuck',
  'I need access to the finance share',
  'reset my password please',
  'Outlook keeps crashing when I open attachments',
];

/** TF-IDF by the book, from hashed counts, for comparison with the space's cached path. */
function reference(text: string, index: Map<string, number>, idf: number[], unknownIdf: number): Map<number, number> {
  const counts = extractFeatures(text, { ...defaultFeatureOptions });
  const out = new Map<number, number>();
  let total = 0;
  for (const group of ['word', 'bigram', 'char', 'cue'] as FeatureGroup[]) {
    if (counts[group].size === 0) continue;
    let norm = 0;
    const part = new Map<number, number>();
    for (const [key, tf] of counts[group]) {
      const id = index.get(`${group}:${key}`);
      const value = (1 + Math.log(tf)) * (id === undefined ? unknownIdf : idf[id]!);
      norm += value * value;
      if (id !== undefined) part.set(id, value);
    }
    for (const [id, value] of part) out.set(id, (value * defaultGroupWeights[group]) / Math.sqrt(norm));
    total += defaultGroupWeights[group] ** 2;
  }
  for (const [id, value] of out) out.set(id, value / Math.sqrt(total));
  return out;
}

describe('FeatureSpace.vectorize', () => {
  const { space, vectors } = fitFeatureSpace(training);
  const data = space.toData();
  const index = new Map<string, number>();
  for (const group of ['word', 'bigram', 'char', 'cue'] as FeatureGroup[]) {
    data.index[group].keys.forEach((key, i) => index.set(`${group}:${key}`, data.index[group].ids[i]!));
  }

  it('gives a training text the vector it was trained with', () => {
    training.forEach((text, i) => {
      const x = space.vectorize(text);
      expect(Array.from(x.indices)).toEqual(Array.from(vectors[i]!.indices));
      Array.from(x.values).forEach((v, j) => expect(v).toBeCloseTo(vectors[i]!.values[j]!, 12));
    });
  });

  it('counts repeated and unseen character n-grams like plain TF-IDF, also on the second and later calls', () => {
    const texts = [
      'printer printer printing zzqx zzqx queue',
      'upgraded the upgrader: xyzzy xyzzy xyzzy',
      'Ünïcödé passwörd réset für Zürich',
      'printer printer printing zzqx zzqx queue',
    ];
    for (const text of texts) {
      const x = space.vectorize(text);
      const expected = reference(text, index, Array.from(data.idf), data.unknownIdf);
      expect(new Set(x.indices)).toEqual(new Set(expected.keys()));
      x.indices.forEach((id, j) => expect(x.values[j]).toBeCloseTo(expected.get(id)!, 12));
    }
  });

  it('tokenizes ASCII and non-ASCII text alike', () => {
    expect(tokenize("can't open o'reilly's 2 files")).toEqual(['cant', 'not', 'open', 'oreillys', '2', 'files']);
    expect(tokenize("can't open o'reilly's 2 files é")).toEqual(['cant', 'not', 'open', 'oreillys', '2', 'files', 'é']);
  });
});
