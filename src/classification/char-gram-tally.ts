import { forEachCharNgram } from './extract-features.js';

/** A text's character n-grams, counted: known features by number (first occurrence first), unknown ones by count only. */
export interface CharGramCounts {
  ids: number[];
  /** Count of `ids[i]` in the text. */
  counts: number[];
  /**
   * Σ over distinct unknown n-grams of (1 + ln count)², the sublinear tf each would have: they have no feature number,
   * but weigh in the group's norm (times the unknown idf squared).
   */
  unknownSquares: number;
}

/** Counts a text's character n-grams against a fitted vocabulary, remembering each token's n-grams. */
export interface CharGramTally {
  count(tokens: string[]): CharGramCounts;
}

/** Tokens whose n-grams a tally remembers; past it the memo starts again, which bounds memory. */
const MAX_MEMO = 20_000;

interface TokenGrams {
  known: Int32Array;
  unknown: Int32Array;
}

/**
 * Make a tally for one vocabulary. Prediction spends most of its time counting character n-grams in hash maps;
 * messages reuse a small vocabulary, so each token's n-grams are looked up once and later counted in a scratch
 * array indexed by feature number. Gives the same counts, in the same order, as hashing every n-gram of every token.
 * @param index feature number of every known n-gram hash
 * @param features size of the vocabulary (all groups): the scratch array's length
 */
export function createCharGramTally(index: Map<string | number, number>, lengths: number[], features: number): CharGramTally {
  const memo = new Map<string, TokenGrams>();
  // Counts per feature number, allocated on first use (a model that never predicts never pays for it); a message has
  // far fewer than 65,536 n-grams.
  let scratch: Uint16Array | undefined;
  let unknown = new Int32Array(256);

  function gramsOf(token: string): TokenGrams {
    let grams = memo.get(token);
    if (grams !== undefined) return grams;
    const known: number[] = [];
    const other: number[] = [];
    forEachCharNgram(token, lengths, (hash) => {
      const id = index.get(hash);
      if (id === undefined) other.push(hash);
      else known.push(id);
    });
    grams = { known: Int32Array.from(known), unknown: Int32Array.from(other) };
    if (memo.size >= MAX_MEMO) memo.clear();
    memo.set(token, grams);
    return grams;
  }

  return {
    count(tokens) {
      scratch ??= new Uint16Array(features);
      const ids: number[] = [];
      let unknownLength = 0;
      for (const token of tokens) {
        const grams = gramsOf(token);
        for (let i = 0; i < grams.known.length; i++) {
          const id = grams.known[i]!;
          if (scratch[id] === 0) ids.push(id);
          scratch[id] = scratch[id]! + 1;
        }
        if (unknownLength + grams.unknown.length > unknown.length) unknown = grow(unknown, unknownLength + grams.unknown.length);
        unknown.set(grams.unknown, unknownLength);
        unknownLength += grams.unknown.length;
      }
      const counts = ids.map((id) => scratch![id]!);
      for (const id of ids) scratch[id] = 0;
      return { ids, counts, unknownSquares: sumOfRunSquares(unknown.subarray(0, unknownLength)) };
    },
  };
}

function grow(array: Int32Array, needed: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** Sort the hashes in place and add (1 + ln run length)² per run of equal ones: a count without a hash map. */
function sumOfRunSquares(hashes: Int32Array): number {
  hashes.sort();
  let sum = 0;
  for (let i = 0; i < hashes.length; ) {
    let j = i + 1;
    while (j < hashes.length && hashes[j] === hashes[i]) j++;
    sum += j - i === 1 ? 1 : (1 + Math.log(j - i)) ** 2;
    i = j;
  }
  return sum;
}
