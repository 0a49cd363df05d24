// Retrieval quality of the knowledge index on a StackExchange set: queries are question titles, documents the accepted
// answers, one relevant document per query; scored by MRR@10 and recall@10, next to a plain BM25 baseline.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { createKnowledgeIndex } from '../../src/knowledge/create-knowledge-index.js';
import { parseDocLine } from '../../src/knowledge/parse-doc-line.js';
import type { ArticleDoc } from '../../src/knowledge/types.js';

/** One query of the retrieval set. */
export interface EvalQuery {
  query: string;
  relevantIds: string[];
  /** `train` queries were used to choose the retrieval settings; `test` ones never were. */
  split: string;
}

/** Ranking figures: mean reciprocal rank of the first relevant document in the top 10, and the share found there. */
export interface RankingFigures {
  mrrAt10: number;
  recallAt10: number;
}

/**
 * Evaluate {@link createKnowledgeIndex} (settings tuned on the `train` queries only; figures for train, test and all) on `dir`/docs.jsonl (`{doc_id,text}` or `{doc_id,question,answer}` lines) and
 * `dir`/queries.jsonl (`{query_id,query,relevant_ids}`). Figures rounded to 3 decimals; msPerQuery is wall time per search.
 * `bm25Baseline` is plain BM25 (k1 1.2, b 0.75, lower-cased words, no stemming or stop words) on the same data; the
 * other rows are variants of the tuned settings, measured alongside (none was chosen on test queries).
 */
export async function evaluateKnowledgeRetrieval(dir: string): Promise<object> {
  const docs = await readLines(path.join(dir, 'docs.jsonl'), parseDocLine);
  const queries = await readLines(path.join(dir, 'queries.jsonl'), parseQueryLine);
  const index = createKnowledgeIndex(docs);
  const started = performance.now();
  const rankings = queries.map((q) => index.search(q.query, { k: 10 }).map((hit) => hit.id));
  const msPerQuery = (performance.now() - started) / Math.max(1, queries.length);
  const baseline = plainBm25(docs);
  const withFeedback = createKnowledgeIndex(docs, { feedback: { documents: 3, terms: 10, maxDocShare: 0.5 }, feedbackWeight: 0.15 });
  return {
    ...bySplit(queries, rankings),
    queries: queries.length,
    msPerQuery: round(msPerQuery),
    bm25Baseline: bySplit(queries, queries.map((q) => baseline(q.query))),
    previousSettings: bySplit(queries, rankAll(createKnowledgeIndex(docs, PREVIOUS_SETTINGS), queries)),
    withPlainGramIdf: bySplit(queries, rankAll(createKnowledgeIndex(docs, { gramIdfPower: 1 }), queries)),
    withItSynonyms: bySplit(queries, rankAll(createKnowledgeIndex(docs, { synonymWeight: 0.5 }), queries)),
    withPseudoRelevanceFeedback: bySplit(queries, rankAll(withFeedback, queries)),
  };
}

/** The settings before tuning (BM25 k1 1.2, b 0.75, gram weight 1, plain gram idf), for comparison. */
const PREVIOUS_SETTINGS = { k1: 1.2, b: 0.75, gramWeight: 1, gramIdfPower: 1 };

function rankAll(index: { search(q: string, o: { k: number }): Array<{ id: string }> }, queries: EvalQuery[]): string[][] {
  return queries.map((q) => index.search(q.query, { k: 10 }).map((hit) => hit.id));
}

/** Figures on all queries, and on the train (tuning) and test (never tuned on) queries apart. */
function bySplit(queries: EvalQuery[], rankings: string[][]): RankingFigures & { train: RankingFigures; test: RankingFigures } {
  const part = (split: string) => {
    const at = queries.flatMap((q, i) => (q.split === split ? [i] : []));
    return score(at.map((i) => queries[i]!), at.map((i) => rankings[i]!));
  };
  return { ...score(queries, rankings), train: part('train'), test: part('test') };
}

/** Non-blank lines of `file`, each parsed by `parse`. */
export async function readLines<T>(file: string, parse: (line: string) => T): Promise<T[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(parse);
}

/** One `{query_id,query,relevant_ids,split}` line; `split` defaults to `test`. @throws Error on a malformed line */
export function parseQueryLine(line: string): EvalQuery {
  const value = JSON.parse(line) as { query?: unknown; relevant_ids?: unknown; split?: unknown };
  if (typeof value.query !== 'string' || !Array.isArray(value.relevant_ids)) throw new Error(`bad query line: ${line}`);
  return { query: value.query, relevantIds: value.relevant_ids.map(String), split: String(value.split ?? 'test') };
}

function score(queries: EvalQuery[], rankings: string[][]): RankingFigures {
  let reciprocal = 0;
  let found = 0;
  queries.forEach((q, i) => {
    const rank = (rankings[i] ?? []).slice(0, 10).findIndex((id) => q.relevantIds.includes(id));
    if (rank < 0) return;
    reciprocal += 1 / (rank + 1);
    found += 1;
  });
  const n = Math.max(1, queries.length);
  return { mrrAt10: round(reciprocal / n), recallAt10: round(found / n) };
}

function plainBm25(docs: ArticleDoc[]): (query: string) => string[] {
  const index = new MiniSearch<{ id: string; text: string }>({
    fields: ['text'],
    searchOptions: { bm25: { k: 1.2, b: 0.75, d: 0 } },
  });
  index.addAll(docs.map((d) => ({ id: d.id, text: `${d.title} ${d.body}` })));
  return (query) =>
    index
      .search(query)
      .map((r) => ({ id: r.id as string, score: r.score / Math.max(1, r.queryTerms.length) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 10)
      .map((r) => r.id);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
