import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { DeskbotError } from '../core/errors.js';
import type { Db } from '../db/client.js';
import { createKnowledgeIndex } from '../knowledge/create-knowledge-index.js';
import { importArticles } from '../knowledge/import-articles.js';
import { parseDocLine } from '../knowledge/parse-doc-line.js';
import type { ArticleDoc, KnowledgeIndex } from '../knowledge/types.js';

/** `deskbot kb import DIR`: upsert the folder's Markdown articles. */
export function runKbImport(db: Db, dir: string): Promise<{ created: number; updated: number }> {
  return importArticles(db, dir);
}

/**
 * `deskbot kb search`: read `{"query"}` JSON lines, write `{"query","hits":[{"id","score"}]}` per line. With `docs`,
 * the index is built from that file alone (`{"doc_id","text"}` or `{"doc_id","question","answer"}` lines) and ids are
 * doc ids; otherwise `index` is searched and ids are article slugs. A bad line yields `{"line","error"}`. k defaults to 10.
 * @returns `count`: non-blank input lines handled, error lines included
 * @throws DeskbotError `bad_request` with neither `docs` nor `index`, or for a bad line in the docs file
 */
export async function runKbSearch(options: { docs?: string; k?: number }, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, index: KnowledgeIndex | null): Promise<{ count: number }> {
  const searchIndex = options.docs ? createKnowledgeIndex(await readDocs(options.docs)) : index;
  if (!searchIndex) throw new DeskbotError('bad_request', 'no knowledge index to search: pass --docs FILE or an index');
  const k = options.k && options.k > 0 ? options.k : 10;
  let count = 0;
  let line = 0;
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (!raw.trim()) continue;
    count++;
    let query: unknown;
    try {
      query = (JSON.parse(raw) as { query?: unknown }).query;
    } catch {
      output.write(`${JSON.stringify({ line, error: 'line is not JSON' })}\n`);
      continue;
    }
    if (typeof query !== 'string') {
      output.write(`${JSON.stringify({ line, error: 'line needs a string "query"' })}\n`);
      continue;
    }
    const hits = searchIndex.search(query, { k }).map((h) => ({ id: h.slug, score: Math.round(h.score * 1e4) / 1e4 }));
    output.write(`${JSON.stringify({ query, hits })}\n`);
  }
  return { count };
}

async function readDocs(file: string): Promise<ArticleDoc[]> {
  const docs: ArticleDoc[] = [];
  for await (const raw of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (raw.trim()) docs.push(parseDocLine(raw));
  }
  return docs;
}
