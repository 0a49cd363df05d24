import type { FastifyReply, FastifyRequest } from 'fastify';
import { DeskbotError } from '../../core/errors.js';

/**
 * Optimistic concurrency for admin edits (RFC 9110 §8.8.3 ETag, §13.1.1 If-Match): a record's version is its
 * `updatedAt` (ISO 8601, millisecond precision as stored), sent as a strong ETag.
 */
export function etagOf(version: string): string {
  return `"${version}"`;
}

/** Set the ETag of the record a response carries. */
export function withEtag(reply: FastifyReply, version: string): FastifyReply {
  return reply.header('etag', etagOf(version));
}

/**
 * The version a change is conditional on: the request's `If-Match` ETag as a Date; undefined without the header or
 * with `*` (then the change is unconditional, as for scripts that do not read first).
 * @throws DeskbotError `bad_request` for an If-Match that is not an ETag this API gave
 */
export function expectedVersion(req: FastifyRequest): Date | undefined {
  const header = req.headers['if-match'];
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^"([0-9TZ:.+-]{20,40})"$/.exec(header.trim());
  const at = match ? new Date(match[1]!) : null;
  if (!at || Number.isNaN(at.getTime())) throw new DeskbotError('bad_request', 'If-Match must be an ETag this API gave (one value, quoted).');
  return at;
}
