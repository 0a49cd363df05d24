import { buildBm25Index, type Bm25Index, type Bm25Result } from './bm25-index.js';
import { createAnalyzer, type Analyzer } from './create-analyzer.js';
import { makeSnippet } from './make-snippet.js';
import { markdownToText } from './markdown-to-text.js';
import { topK } from './top-k.js';
import type { ArticleDoc, KnowledgeIndex, SearchHit, SearchOptions } from './types.js';

/** Textbook BM25 parameters; b 0.75 normalises long answers against short ones. */
const BM25 = { k1: 1.2, b: 0.75 };
/** Field order of the index and their boosts: a title match says more than a tag match, which says more than the body. */
const FIELD_BOOSTS = [2, 1.5, 1];
const GRAM_SIZE = 4;
/** Weight of the character-gram score after scaling it to the range of the word score. */
const GRAM_WEIGHT = 1;
/** An article matching on grams only must share at least this part of the query's grams (keeps junk out). */
const GRAM_ONLY_MIN_SHARE = 0.5;
/** Grams in more than this share of a large index's articles carry little evidence and cost most of a search: skipped. */
const GRAM_MAX_DOC_SHARE = 0.2;
const INTENT_BOOST = 1.5;
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
}

/**
 * Build an in-memory knowledge index: a BM25 word index (Porter stems, stop words out, adjacent words also joined, fields
 * title > tags > body) fused with a BM25 index of character 4-grams scaled to the word scores; `intents` in a search
 * multiply linked articles' scores by 1.5. Articles with a repeated `id` keep the last one.
 */
export function createKnowledgeIndex(docs: ArticleDoc[]): KnowledgeIndex {
  const analyzer = createAnalyzer(GRAM_SIZE);
  let indexes = buildIndexes(docs, analyzer);
  return {
    search: (query, options) => searchIndexes(indexes, analyzer, query, options),
    replaceAll(next) {
      indexes = buildIndexes(next, analyzer);
    },
    get size() {
      return indexes.docs.length;
    },
  };
}

function buildIndexes(input: ArticleDoc[], analyzer: Analyzer): Indexes {
  const docs = [...new Map(input.map((doc) => [doc.id, doc])).values()];
  const plainBodies = docs.map((doc) => markdownToText(doc.body));
  const fieldsOf = (analyze: (text: string) => string[]) =>
    docs.map((doc, i) => [analyze(doc.title), analyze(doc.tags.join(' ')), analyze(plainBodies[i]!)]);
  return {
    docs,
    plainBodies,
    words: buildBm25Index(fieldsOf(analyzer.terms), FIELD_BOOSTS, BM25),
    grams: buildBm25Index(fieldsOf(analyzer.grams), FIELD_BOOSTS, BM25),
  };
}

function searchIndexes(indexes: Indexes, analyzer: Analyzer, rawQuery: unknown, options: SearchOptions = {}): SearchHit[] {
  const k = Math.min(MAX_K, Math.max(0, Math.floor(Number(options.k ?? 3)) || 0));
  if (k === 0 || typeof rawQuery !== 'string' || indexes.docs.length === 0) return [];
  const query = rawQuery.slice(0, MAX_QUERY_CHARS);
  const terms = [...new Set(analyzer.terms(query))].slice(0, MAX_QUERY_TERMS);
  const grams = [...new Set(analyzer.grams(query))].slice(0, MAX_QUERY_TERMS * 4);
  const { scores, candidates } = fuse(indexes.words.search(terms), indexes.grams.search(grams, GRAM_MAX_DOC_SHARE), grams.length);
  boostIntents(indexes.docs, scores, candidates, options.intents);
  const termSet = new Set(terms);
  return topK(candidates, (doc) => scores[doc]!, k).map((doc) => ({
    id: indexes.docs[doc]!.id,
    slug: indexes.docs[doc]!.slug,
    title: indexes.docs[doc]!.title,
    snippet: makeSnippet(indexes.plainBodies[doc]!, termSet, analyzer.terms),
    score: scores[doc]!,
  }));
}

/** Word score plus gram score rescaled so the best gram match weighs as much as the best word match. */
function fuse(words: Bm25Result, grams: Bm25Result, queryGrams: number): { scores: Float64Array; candidates: Set<number> } {
  const maxWord = maxOf(words);
  const maxGram = maxOf(grams);
  const scale = maxWord > 0 && maxGram > 0 ? maxWord / maxGram : 1;
  const scores = words.scores;
  const candidates = new Set(words.touched);
  for (const doc of grams.touched) {
    if (!words.matched[doc] && grams.matched[doc]! < GRAM_ONLY_MIN_SHARE * queryGrams) continue;
    scores[doc]! += GRAM_WEIGHT * grams.scores[doc]! * scale;
    candidates.add(doc);
  }
  return { scores, candidates };
}

function maxOf(result: Bm25Result): number {
  let max = 0;
  for (const doc of result.touched) max = Math.max(max, result.scores[doc]!);
  return max;
}

function boostIntents(docs: ArticleDoc[], scores: Float64Array, candidates: Set<number>, intents: unknown): void {
  if (!Array.isArray(intents) || intents.length === 0) return;
  const wanted = new Set(intents);
  docs.forEach((doc, i) => {
    if (!doc.intents.some((intent) => wanted.has(intent))) return;
    scores[i] = candidates.has(i) ? scores[i]! * INTENT_BOOST : INTENT_ONLY_SCORE;
    candidates.add(i);
  });
}
