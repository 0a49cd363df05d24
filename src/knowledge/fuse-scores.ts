import type { Bm25Result } from './bm25-index.js';

/** Candidate documents and their fused scores (indexed by document number). */
export interface Fused {
  scores: Float64Array;
  candidates: Set<number>;
}

/**
 * Word score plus `gramWeight` × gram score rescaled so the best gram match weighs as much as the best word match.
 * A document that matched no word must share at least `gramOnlyMinShare` of the query's grams (keeps junk out).
 * Writes into `words.scores`.
 */
export function fuseWordsAndGrams(words: Bm25Result, grams: Bm25Result, queryGrams: number, gramWeight: number, gramOnlyMinShare: number): Fused {
  const maxWord = maxOf(words);
  const maxGram = maxOf(grams);
  const scale = maxWord > 0 && maxGram > 0 ? maxWord / maxGram : 1;
  const scores = words.scores;
  const candidates = new Set(words.touched);
  for (const doc of grams.touched) {
    if (!words.matched[doc] && grams.matched[doc]! < gramOnlyMinShare * queryGrams) continue;
    scores[doc]! += gramWeight * grams.scores[doc]! * scale;
    candidates.add(doc);
  }
  return { scores, candidates };
}

/**
 * Add `weight` × the feedback pass's scores, rescaled to the first pass's best score, into `fused`; with `widen`,
 * documents only the feedback terms matched become candidates too.
 */
export function addFeedbackScores(fused: Fused, feedback: Bm25Result, weight: number, widen: boolean): void {
  let maxFirst = 0;
  for (const doc of fused.candidates) maxFirst = Math.max(maxFirst, fused.scores[doc]!);
  const maxFeedback = maxOf(feedback);
  if (maxFirst === 0 || maxFeedback === 0) return;
  for (const doc of feedback.touched) {
    if (!widen && !fused.candidates.has(doc)) continue;
    fused.candidates.add(doc);
    fused.scores[doc]! += (weight * feedback.scores[doc]! * maxFirst) / maxFeedback;
  }
}

function maxOf(result: Bm25Result): number {
  let max = 0;
  for (const doc of result.touched) max = Math.max(max, result.scores[doc]!);
  return max;
}
