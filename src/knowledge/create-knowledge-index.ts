import { buildBm25Index, type Bm25Index } from './bm25-index.js';
import { createAnalyzer, type Analyzer } from './create-analyzer.js';
import { makeSnippet } from './make-snippet.js';
import { markdownToText } from './markdown-to-text.js';
import { topK } from './top-k.js';
import { fuseWordsAndGrams, addFeedbackScores, type Fused } from './fuse-scores.js';
import { feedbackTerms, type FeedbackSettings } from './pseudo-relevance-feedback.js';
import { buildSynonymTable, expandWithSynonyms, type SynonymTable } from './expand-synonyms.js';
import { itSynonymGroups } from './it-synonyms.js';
import { defaultRetrievalSettings, type RetrievalSettings } from './retrieval-settings.js';
import type { ArticleDoc, KnowledgeIndex, SearchHit, SearchOptions } from './types.js';

/** Score of an intent-linked article that matched nothing in the query. */
const INTENT_ONLY_SCORE = 0.01;
/** Queries are cut to this many characters and distinct terms, which bounds search time. */
const MAX_QUERY_CHARS = 1000;
const MAX_QUERY_TERMS = 32;
const MAX_K = 100;

interface Indexes {
  docs: ArticleDoc[];
  plainBodies: string[];
  words: Bm25Index;
  grams: Bm25Index;
  /** Word-term counts of each article (all fields), for pseudo-relevance feedback. */
  docTerms: Array<{ counts: Map<string, number>; length: number }>;
}

/**
 * Build an in-memory knowledge index: a BM25F word index (Porter stems, stop words out, adjacent words also joined, fields
 * title > tags > body) fused with a BM25 index of character grams scaled to the word scores, then re-ranked with
 * pseudo-relevance feedback (RM3-style expansion from the top articles); optionally a query's IT synonyms are searched
 * too at a lower weight (`synonymWeight`); `intents` in a search multiply linked
 * articles' scores. Articles with a repeated `id` keep the last one.
 * @param settings retrieval parameters; defaults were tuned on the train queries of a StackExchange retrieval set
 */
export function createKnowledgeIndex(docs: ArticleDoc[], settings: Partial<RetrievalSettings> = {}): KnowledgeIndex {
  const tuned: RetrievalSettings = { ...defaultRetrievalSettings, ...settings };
  const analyzer = createAnalyzer(tuned.gramSize, tuned.bigrams);
  const synonyms = buildSynonymTable(tuned.synonymWeight > 0 ? itSynonymGroups : [], analyzer.terms);
  let indexes = buildIndexes(docs, analyzer, tuned);
  return {
    search: (query, options) => searchIndexes(indexes, analyzer, synonyms, tuned, query, options),
    replaceAll(next) {
      indexes = buildIndexes(next, analyzer, tuned);
    },
    get size() {
      return indexes.docs.length;
    },
  };
}

function buildIndexes(input: ArticleDoc[], analyzer: Analyzer, settings: RetrievalSettings): Indexes {
  const docs = [...new Map(input.map((doc) => [doc.id, doc])).values()];
  const plainBodies = docs.map((doc) => markdownToText(doc.body));
  const wordFields = docs.map((doc, i) => [analyzer.terms(doc.title), analyzer.terms(doc.tags.join(' ')), analyzer.terms(plainBodies[i]!)]);
  const gramFields = docs.map((doc, i) => [analyzer.grams(doc.title), analyzer.grams(doc.tags.join(' ')), analyzer.grams(plainBodies[i]!)]);
  const bm25 = { k1: settings.k1, b: settings.b };
  return {
    docs,
    plainBodies,
    words: buildBm25Index(wordFields, settings.fieldBoosts, bm25),
    grams: buildBm25Index(gramFields, settings.fieldBoosts, { ...bm25, idfPower: settings.gramIdfPower }),
    docTerms: settings.feedback.documents > 0 ? wordFields.map((fields) => countTerms(fields.flat())) : [],
  };
}

function countTerms(terms: string[]): { counts: Map<string, number>; length: number } {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return { counts, length: terms.length };
}

function searchIndexes(
  indexes: Indexes,
  analyzer: Analyzer,
  synonyms: SynonymTable,
  settings: RetrievalSettings,
  rawQuery: unknown,
  options: SearchOptions = {},
): SearchHit[] {
  const k = Math.min(MAX_K, Math.max(0, Math.floor(Number(options.k ?? 3)) || 0));
  if (k === 0 || typeof rawQuery !== 'string' || indexes.docs.length === 0) return [];
  const query = rawQuery.slice(0, MAX_QUERY_CHARS);
  const terms = [...new Set(analyzer.terms(query))].slice(0, MAX_QUERY_TERMS);
  const grams = [...new Set(analyzer.grams(query))].slice(0, MAX_QUERY_TERMS * 4);
  const expansion = expandWithSynonyms(terms, synonyms, settings.synonymWeight);
  const words = indexes.words.search([...terms, ...expansion.keys()], 1, expansion);
  const fused = fuseWordsAndGrams(words, indexes.grams.search(grams, settings.gramMaxDocShare), grams.length, settings.gramWeight, settings.gramOnlyMinShare);
  if (settings.feedback.documents > 0 && fused.candidates.size > 0) feedBack(indexes, settings.feedback, settings, fused, new Set(terms));
  boostIntents(indexes.docs, fused, options.intents, settings.intentBoost);
  const termSet = new Set(terms);
  return topK(fused.candidates, (doc) => fused.scores[doc]!, k).map((doc) => ({
    id: indexes.docs[doc]!.id,
    slug: indexes.docs[doc]!.slug,
    title: indexes.docs[doc]!.title,
    snippet: makeSnippet(indexes.plainBodies[doc]!, termSet, analyzer.terms),
    score: fused.scores[doc]!,
  }));
}

function feedBack(indexes: Indexes, feedback: FeedbackSettings, settings: RetrievalSettings, fused: Fused, queryTerms: Set<string>): void {
  const ranked = topK(fused.candidates, (doc) => fused.scores[doc]!, feedback.documents).map((doc) => ({ doc, score: fused.scores[doc]! }));
  const expansion = feedbackTerms(indexes.docTerms, ranked, queryTerms, indexes.words.documentFrequency, feedback);
  if (expansion.size === 0) return;
  addFeedbackScores(fused, indexes.words.search([...expansion.keys()], 1, expansion), settings.feedbackWeight, settings.feedbackWidens);
}

function boostIntents(docs: ArticleDoc[], fused: Fused, intents: unknown, boost: number): void {
  if (!Array.isArray(intents) || intents.length === 0) return;
  const wanted = new Set(intents);
  docs.forEach((doc, i) => {
    if (!doc.intents.some((intent) => wanted.has(intent))) return;
    fused.scores[i] = fused.candidates.has(i) ? fused.scores[i]! * boost : INTENT_ONLY_SCORE;
    fused.candidates.add(i);
  });
}
