import { DeskbotError } from '../core/errors.js';
import type { ArticleDoc } from './types.js';

/**
 * One JSON line of a retrieval corpus as an article: `{"doc_id","text"}` (body = text) or `{"doc_id","question","answer"}`
 * (title = question, body = answer). `id` and `slug` are both the doc_id; tags and intents are empty.
 * @throws DeskbotError `bad_request` when the line is not JSON or lacks a string doc_id or body
 */
export function parseDocLine(line: string): ArticleDoc {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new DeskbotError('bad_request', 'document line is not JSON', { cause: err });
  }
  if (typeof value !== 'object' || value === null) throw new DeskbotError('bad_request', 'document line is not an object');
  const record = value as Record<string, unknown>;
  const id = record.doc_id;
  const body = typeof record.text === 'string' ? record.text : record.answer;
  if (typeof id !== 'string' || id === '') throw new DeskbotError('bad_request', 'document line needs a string doc_id');
  if (typeof body !== 'string') throw new DeskbotError('bad_request', `document ${id} needs a string text or answer`);
  const title = typeof record.question === 'string' ? record.question : '';
  return { id, slug: id, title, body, tags: [], intents: [] };
}
