import { extractFeatures, defaultFeatureOptions, memoisedStemmer, type FeatureCounts, type FeatureGroup, type FeatureOptions } from './extract-features.js';
import type { SparseVector } from './sparse-vector.js';
import { createCharGramTally, type CharGramCounts } from './char-gram-tally.js';

/** Relative weight of each feature group in the final vector. */
export type GroupWeights = Record<FeatureGroup, number>;

// Chosen by cross-validation on training data only (Braun train splits, seed catalogue), never on test splits.
export const defaultGroupWeights: GroupWeights = { word: 1, bigram: 0.5, char: 1.2, cue: 1 };

/** A fitted vocabulary with inverse document frequencies: turns texts into TF-IDF vectors. */
export interface FeatureSpace {
  readonly size: number;
  /**
   * TF-IDF vector (sublinear tf) of the text's known features. Unknown features count in each group's norm (at the
   * highest idf) but get no entry, so a text made mostly of unseen words yields a short vector and weak scores.
   * A text whose features are all known has length 1.
   */
  vectorize(text: string): SparseVector;
  /** The fitted vocabulary as plain data (see {@link featureSpaceFromData}); built on demand, it copies the maps. */
  toData(): FeatureSpaceData;
}

/**
 * A fitted {@link FeatureSpace} as structured-clonable data, to send a model trained in a worker thread to the thread
 * that serves it. Functions cannot cross threads: `features.cues` only says whether cue features were used, and the
 * rebuilding side passes the same cue function back in.
 */
export interface FeatureSpaceData {
  features: { charNgrams: number[]; bigrams: boolean; numberShapes: boolean; cues: boolean };
  weights: GroupWeights;
  /** Per group, the known feature keys and their feature numbers (parallel arrays). */
  index: Record<FeatureGroup, { keys: Array<string | number>; ids: Int32Array }>;
  idf: Float64Array;
  unknownIdf: number;
}

const GROUPS: FeatureGroup[] = ['word', 'bigram', 'char', 'cue'];

/**
 * Learn the vocabulary and smoothed idf (`ln((1+N)/(1+df)) + 1`) from training texts.
 * @returns the space and the vectors of the training texts (in order), extracted once
 */
export function fitFeatureSpace(
  texts: string[],
  options: { features?: FeatureOptions; weights?: GroupWeights } = {},
): { space: FeatureSpace; vectors: SparseVector[] } {
  const featureOptions: FeatureOptions = { stem: memoisedStemmer(), ...(options.features ?? defaultFeatureOptions) };
  const weights = options.weights ?? defaultGroupWeights;
  const allCounts = texts.map((text) => extractFeatures(text, featureOptions));
  const index = emptyGroups();
  const df: number[] = [];
  for (const counts of allCounts) {
    for (const group of GROUPS) for (const key of counts[group].keys()) {
      const i = index[group].get(key);
      if (i === undefined) index[group].set(key, df.push(1) - 1);
      else df[i] = df[i]! + 1;
    }
  }
  const idf = df.map((count) => Math.log((1 + texts.length) / (1 + count)) + 1);
  const vocabulary: Vocabulary = { index, idf, unknownIdf: Math.log(1 + texts.length) + 1, weights };
  const space = spaceOf(vocabulary, featureOptions);
  return { space, vectors: allCounts.map((counts) => toVector(counts, vocabulary)) };
}

/**
 * Rebuild a feature space from {@link FeatureSpace.toData}: it vectorizes every text exactly as the original did.
 * @param cues the cue function the space was fitted with (required when `data.features.cues` is true)
 * @throws Error when the data used cue features and no cue function is given
 */
export function featureSpaceFromData(data: FeatureSpaceData, cues?: FeatureOptions['cues']): FeatureSpace {
  if (data.features.cues && !cues) throw new Error('featureSpaceFromData: the space was fitted with cue features; pass the cue function');
  const index = emptyGroups();
  for (const group of GROUPS) {
    const { keys, ids } = data.index[group];
    for (let i = 0; i < keys.length; i++) index[group].set(keys[i]!, ids[i]!);
  }
  const featureOptions: FeatureOptions = {
    stem: memoisedStemmer(),
    charNgrams: data.features.charNgrams,
    bigrams: data.features.bigrams,
    numberShapes: data.features.numberShapes,
    ...(data.features.cues ? { cues } : {}),
  };
  return spaceOf({ index, idf: Array.from(data.idf), unknownIdf: data.unknownIdf, weights: data.weights }, featureOptions);
}

function spaceOf(vocabulary: Vocabulary, featureOptions: FeatureOptions): FeatureSpace {
  const tally = createCharGramTally(vocabulary.index.char, featureOptions.charNgrams, vocabulary.idf.length);
  const withoutCharGrams: FeatureOptions = { ...featureOptions, charNgrams: [] };
  return {
    size: vocabulary.idf.length,
    vectorize: (text) => {
      const counts = extractFeatures(text, withoutCharGrams);
      return toVector(counts, vocabulary, tally.count(counts.tokens));
    },
    toData: () => ({
      features: {
        charNgrams: [...featureOptions.charNgrams],
        bigrams: featureOptions.bigrams,
        numberShapes: featureOptions.numberShapes ?? false,
        cues: featureOptions.cues !== undefined,
      },
      weights: { ...vocabulary.weights },
      index: Object.fromEntries(GROUPS.map((group) => [group, {
        keys: [...vocabulary.index[group].keys()],
        ids: Int32Array.from(vocabulary.index[group].values()),
      }])) as FeatureSpaceData['index'],
      idf: Float64Array.from(vocabulary.idf),
      unknownIdf: vocabulary.unknownIdf,
    }),
  };
}

function emptyGroups(): Record<FeatureGroup, Map<string | number, number>> {
  return { word: new Map(), bigram: new Map(), char: new Map(), cue: new Map() };
}

interface Vocabulary {
  /** Feature number of each known feature string, per group. */
  index: Record<FeatureGroup, Map<string | number, number>>;
  idf: number[];
  unknownIdf: number;
  weights: GroupWeights;
}

/**
 * The TF-IDF vector of counted features. `charGrams`, when given, replaces `counts.char` (same counts, same order).
 */
function toVector(counts: FeatureCounts, vocabulary: Vocabulary, charGrams?: CharGramCounts): SparseVector {
  let capacity = 0;
  for (const group of GROUPS) capacity += group === 'char' && charGrams ? charGrams.ids.length : counts[group].size;
  const indices = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  let length = 0;
  let totalWeight = 0;
  for (const group of GROUPS) {
    const start = length;
    let norm = 0;
    if (group === 'char' && charGrams) {
      if (charGrams.ids.length === 0 && charGrams.unknownSquares === 0) continue;
      for (let j = 0; j < charGrams.ids.length; j++) {
        const tf = charGrams.counts[j]!;
        const value = (tf === 1 ? 1 : 1 + Math.log(tf)) * vocabulary.idf[charGrams.ids[j]!]!;
        norm += value * value;
        indices[length] = charGrams.ids[j]!;
        values[length++] = value;
      }
      norm += charGrams.unknownSquares * vocabulary.unknownIdf ** 2;
      scaleGroup(values, start, length, vocabulary.weights[group] / Math.sqrt(norm));
      totalWeight += vocabulary.weights[group] ** 2;
      continue;
    }
    if (counts[group].size === 0) continue;
    const known = vocabulary.index[group];
    for (const [key, tf] of counts[group]) {
      const i = known.get(key);
      const value = (tf === 1 ? 1 : 1 + Math.log(tf)) * (i === undefined ? vocabulary.unknownIdf : vocabulary.idf[i]!);
      norm += value * value;
      if (i === undefined) continue;
      indices[length] = i;
      values[length++] = value;
    }
    scaleGroup(values, start, length, vocabulary.weights[group] / Math.sqrt(norm));
    totalWeight += vocabulary.weights[group] ** 2;
  }
  const inv = totalWeight > 0 ? 1 / Math.sqrt(totalWeight) : 0;
  for (let j = 0; j < length; j++) values[j] = values[j]! * inv;
  return { indices: indices.subarray(0, length), values: values.subarray(0, length) };
}

function scaleGroup(values: Float64Array, start: number, end: number, scale: number): void {
  for (let j = start; j < end; j++) values[j] = values[j]! * scale;
}
