import type { FeedbackSettings } from './pseudo-relevance-feedback.js';

/** Parameters of the knowledge index's ranking. */
export interface RetrievalSettings {
  /** BM25 saturation and length normalisation (Robertson & Zaragoza 2009). */
  k1: number;
  b: number;
  /** Boosts of the fields title, tags, body: a title match says more than a tag match, which says more than the body. */
  fieldBoosts: number[];
  /** Index adjacent word pairs as terms too (a cheap proximity signal). */
  bigrams: boolean;
  /** Weight of a query term's IT synonyms (see it-synonyms.ts) relative to the term itself; 0 turns expansion off. */
  synonymWeight: number;
  /** Character gram length of the second index. */
  gramSize: number;
  /**
   * Exponent of the character-gram index's idf. Most 4-grams occur in many articles ("_the", "ing_"); squaring idf
   * leaves the evidence to the rare grams of rare words instead of letting dozens of common ones add up.
   */
  gramIdfPower: number;
  /** Weight of the character-gram score after scaling it to the range of the word score. */
  gramWeight: number;
  /** An article matching on grams only must share at least this part of the query's grams. */
  gramOnlyMinShare: number;
  /** Grams in more than this share of a large index's articles carry little evidence and cost most of a search. */
  gramMaxDocShare: number;
  /** Pseudo-relevance feedback; `documents: 0` turns it off. */
  feedback: FeedbackSettings;
  /** Weight of the feedback pass relative to the first pass. */
  feedbackWeight: number;
  /** Whether articles only the feedback terms match may enter the results. */
  feedbackWidens: boolean;
  /** Score multiplier of articles linked to the intents given in a search. */
  intentBoost: number;
}

/** Defaults: tuned on the `train` queries of the StackExchange retrieval set only (see test/eval/kb.ts). */
export const defaultRetrievalSettings: RetrievalSettings = {
  k1: 0.9,
  b: 0.9,
  fieldBoosts: [2, 1.5, 1],
  bigrams: false,
  synonymWeight: 0,
  gramSize: 4,
  gramIdfPower: 2,
  gramWeight: 2,
  gramOnlyMinShare: 0.5,
  gramMaxDocShare: 0.2,
  feedback: { documents: 0, terms: 10, maxDocShare: 0.5 },
  feedbackWeight: 0.3,
  feedbackWidens: false,
  intentBoost: 2,
};
