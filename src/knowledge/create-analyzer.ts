import { stemmer } from 'stemmer';
import { analyzeTerms, characterGrams } from './analyze-text.js';

/** Text analysis for one index, with a memo of stems (stemming dominates build time; vocabularies are small). */
export interface Analyzer {
  terms(text: string): string[];
  grams(text: string): string[];
}

/** Longest stem memo; past it the memo is cleared, which bounds memory on adversarial input. */
const MAX_MEMO = 200_000;

/** An {@link Analyzer} using {@link analyzeTerms} (with word bigrams when asked) and {@link characterGrams} of `gramSize` characters. */
export function createAnalyzer(gramSize: number, bigrams = false): Analyzer {
  const memo = new Map<string, string>();
  const stem = (token: string): string => {
    let stemmed = memo.get(token);
    if (stemmed === undefined) {
      if (memo.size >= MAX_MEMO) memo.clear();
      stemmed = stemmer(token);
      memo.set(token, stemmed);
    }
    return stemmed;
  };
  return { terms: (text) => analyzeTerms(text, stem, bigrams), grams: (text) => characterGrams(text, gramSize) };
}
