import { stemmer } from 'stemmer';
import { normalizeText, tokenize } from './normalize-text.js';

/** Feature groups; each is weighted and normalised separately so that many character n-grams do not drown words. */
export type FeatureGroup = 'word' | 'bigram' | 'char' | 'cue';

/** Counts of features per group for one text: strings, except character n-grams, which are hashed to numbers. */
export type FeatureCounts = Record<FeatureGroup, Map<string | number, number>> & {
  /** The text's tokens, for callers that count character n-grams themselves (see `charNgrams: []`). */
  tokens: string[];
};

/** Which n-gram lengths to extract. */
export interface FeatureOptions {
  /** Character n-gram lengths within word boundaries; [] disables them. Default [3, 4, 5]. */
  charNgrams: number[];
  /** Whether to add word bigrams. Default true. */
  bigrams: boolean;
  /** Extra named signals computed from the normalized text (e.g. "problem words present"); they form the `cue` group. */
  cues?: (normalized: string) => string[];
  /**
   * Whether every number also yields the word feature `#num`: version and release numbers ("12.04", "14.04.1") vary
   * endlessly, so each one is mostly unseen, yet that a number is there at all is a signal. Default false.
   */
  numberShapes?: boolean;
  /** Stemmer for lower-case ASCII words; default Porter ({@link memoisedStemmer} makes repeated words cheap). */
  stem?: (word: string) => string;
}

export const defaultFeatureOptions: FeatureOptions = { charNgrams: [3, 4, 5], bigrams: true };

/** The word feature that stands for any number (see {@link FeatureOptions.numberShapes}). */
export const NUMBER_SHAPE = '#num';

/** Stems for the most common English words that carry no intent; dropped from bigrams only. */
const BIGRAM_STOP = new Set(['the', 'a', 'an', 'to', 'of', 'for', 'in', 'on', 'is', 'it', 'my', 'and', 'i', 'me', 'pleas', 'pls', 'be', 'thi', 'that', 'at', 'with']);

/**
 * Turn a text into feature counts: stemmed words (Porter), bigrams of stems (common function words skipped),
 * and character n-grams of each unstemmed word wrapped in `<…>` (robust to typos and inflection).
 */
export function extractFeatures(text: string, options: FeatureOptions = defaultFeatureOptions): FeatureCounts {
  const normalized = normalizeText(text);
  const tokens = tokenize(normalized);
  const counts: FeatureCounts = { word: new Map(), bigram: new Map(), char: new Map(), cue: new Map(), tokens };
  const stem = options.stem ?? stemmer;
  const stems = tokens.map((t) => (/^[a-z]+$/.test(t) ? stem(t) : t));
  for (const stem of stems) add(counts.word, stem);
  if (options.numberShapes) for (const token of tokens) if (/^[0-9]+$/.test(token)) add(counts.word, NUMBER_SHAPE);
  if (options.bigrams) addBigrams(counts.bigram, stems.filter((s) => !BIGRAM_STOP.has(s)));
  for (const token of tokens) addCharNgrams(counts.char, token, options.charNgrams);
  for (const cue of options.cues?.(normalized) ?? []) add(counts.cue, cue);
  return counts;
}

function addBigrams(target: Map<string | number, number>, stems: string[]): void {
  for (let i = 1; i < stems.length; i++) add(target, `${stems[i - 1]} ${stems[i]}`);
}

const BOUNDARY_START = 0x3c; // '<'
const BOUNDARY_END = 0x3e; // '>'

/**
 * Character n-grams of `<token>` as 30-bit FNV-1a hashes (the length is hashed in, so a 3-gram never equals a 4-gram),
 * in order: each length in `lengths`, then each start. No substring is allocated, which makes training on thousands of
 * texts several times cheaper. With tens of thousands of distinct grams, a collision or two merges two rare grams;
 * that costs nothing measurable. Tokens shorter than 3 characters have none.
 */
export function forEachCharNgram(token: string, lengths: number[], visit: (hash: number) => void): void {
  if (token.length < 3) return;
  const padded = token.length + 2;
  for (const n of lengths) {
    for (let i = 0; i + n <= padded; i++) {
      let hash = Math.imul(0x811c9dc5 ^ n, 16777619);
      for (let j = i; j < i + n; j++) {
        const code = j === 0 ? BOUNDARY_START : j === padded - 1 ? BOUNDARY_END : token.charCodeAt(j - 1);
        hash = Math.imul(hash ^ code, 16777619);
      }
      visit(hash & 0x3fffffff);
    }
  }
}

function addCharNgrams(target: Map<string | number, number>, token: string, lengths: number[]): void {
  forEachCharNgram(token, lengths, (key) => target.set(key, (target.get(key) ?? 0) + 1));
}

function add(target: Map<string | number, number>, key: string | number): void {
  target.set(key, (target.get(key) ?? 0) + 1);
}

/** Most words a {@link memoisedStemmer} remembers; past it the memo starts again, which bounds memory. */
const MAX_MEMO = 50_000;

/** Porter stemming with a memo: vocabularies are small and stemming is most of feature extraction's cost. */
export function memoisedStemmer(): (word: string) => string {
  const memo = new Map<string, string>();
  return (word) => {
    let stem = memo.get(word);
    if (stem === undefined) {
      if (memo.size >= MAX_MEMO) memo.clear();
      memo.set(word, (stem = stemmer(word)));
    }
    return stem;
  };
}
