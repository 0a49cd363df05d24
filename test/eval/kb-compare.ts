// `npx tsx test/eval/kb-compare.ts '{"k1":1.2}'`: does a change of the knowledge search settings beat the defaults on
// the `train` queries of kb-retrieval? Prints MRR@10 of both, per-query wins and losses, and a paired bootstrap; the
// `test` queries are never read here (they are reported once by `npm run eval`).
import path from 'node:path';
import { createKnowledgeIndex } from '../../src/knowledge/create-knowledge-index.js';
import { parseDocLine } from '../../src/knowledge/parse-doc-line.js';
import { seededRandom } from '../../src/classification/seeded-random.js';
import type { RetrievalSettings } from '../../src/knowledge/retrieval-settings.js';
import type { ArticleDoc } from '../../src/knowledge/types.js';
import { parseQueryLine, readLines, type EvalQuery } from './kb.js';

/** Paired comparison of two per-query score lists (same queries, same order). */
export interface PairedComparison {
  before: number;
  after: number;
  /** Queries whose score rose / fell. */
  wins: number;
  losses: number;
  /** Share of bootstrap resamples of the queries in which `after` is not above `before`: small means a real gain. */
  bootstrapP: number;
}

/**
 * Compare per-query scores with a paired bootstrap (resampling queries with replacement, seeded, so runs repeat).
 * @param resamples how many resamples; 2,000 gives p to about ±0.01
 */
export function comparePaired(before: number[], after: number[], resamples = 2000): PairedComparison {
  const n = before.length;
  const random = seededRandom(1);
  let notAbove = 0;
  for (let r = 0; r < resamples; r++) {
    let difference = 0;
    for (let i = 0; i < n; i++) {
      const at = Math.floor(random() * n);
      difference += after[at]! - before[at]!;
    }
    if (difference <= 0) notAbove += 1;
  }
  return {
    before: round(mean(before)),
    after: round(mean(after)),
    wins: after.filter((x, i) => x > before[i]! + 1e-9).length,
    losses: after.filter((x, i) => x < before[i]! - 1e-9).length,
    bootstrapP: round(notAbove / resamples),
  };
}

/** Reciprocal rank (1/rank within the top 10, else 0) of each query's first relevant article. */
export function reciprocalRanks(docs: ArticleDoc[], queries: EvalQuery[], settings: Partial<RetrievalSettings>): number[] {
  const index = createKnowledgeIndex(docs, settings);
  return queries.map((q) => {
    const rank = index.search(q.query, { k: 10 }).findIndex((hit) => q.relevantIds.includes(hit.id));
    return rank < 0 ? 0 : 1 / (rank + 1);
  });
}

function mean(values: number[]): number {
  return values.reduce((sum, x) => sum + x, 0) / Math.max(1, values.length);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.join(process.env.EVAL_DIR ?? path.resolve(import.meta.dirname, '../../../shared/eval'), 'kb-retrieval');
  const variant = JSON.parse(process.argv[2] ?? '{}') as Partial<RetrievalSettings>;
  const docs = await readLines(path.join(dir, 'docs.jsonl'), parseDocLine);
  const train = (await readLines(path.join(dir, 'queries.jsonl'), parseQueryLine)).filter((q) => q.split === 'train');
  const comparison = comparePaired(reciprocalRanks(docs, train, {}), reciprocalRanks(docs, train, variant));
  console.log(JSON.stringify({ trainQueries: train.length, variant, ...comparison }));
}
