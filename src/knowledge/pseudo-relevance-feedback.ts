/** Settings of {@link feedbackTerms}. */
export interface FeedbackSettings {
  /** How many top documents of the first pass are taken as relevant. */
  documents: number;
  /** How many expansion terms to keep. */
  terms: number;
  /** Terms in more than this share of all documents say nothing about the topic: never added. */
  maxDocShare: number;
}

/**
 * Pseudo-relevance feedback in the manner of RM3 (Lavrenko & Croft 2001; Abdul-Jaleel et al. 2004): assume the first
 * pass's top documents are relevant, estimate P(term | relevant) as the score-weighted mean of each document's
 * P(term | document) = tf / length, and return the most likely terms not already in the query, each weighted by its
 * probability relative to the best one (0..1].
 * @param docTerms per document, its term counts and length in terms
 * @param ranked first-pass document numbers, best first, with their scores
 * @param documentFrequency how many documents hold a term
 */
export function feedbackTerms(
  docTerms: ReadonlyArray<{ counts: ReadonlyMap<string, number>; length: number }>,
  ranked: ReadonlyArray<{ doc: number; score: number }>,
  queryTerms: ReadonlySet<string>,
  documentFrequency: (term: string) => number,
  settings: FeedbackSettings,
): Map<string, number> {
  const top = ranked.slice(0, settings.documents);
  const total = top.reduce((sum, r) => sum + r.score, 0);
  const relevance = new Map<string, number>();
  if (total <= 0) return relevance;
  const limit = settings.maxDocShare * docTerms.length;
  for (const { doc, score } of top) {
    const { counts, length } = docTerms[doc]!;
    for (const [term, tf] of counts) {
      if (queryTerms.has(term) || documentFrequency(term) > limit) continue;
      relevance.set(term, (relevance.get(term) ?? 0) + (score / total) * (tf / Math.max(1, length)));
    }
  }
  const best = [...relevance].sort((a, b) => b[1] - a[1]).slice(0, settings.terms);
  const max = best[0]?.[1] ?? 1;
  return new Map(best.map(([term, p]) => [term, p / max]));
}
