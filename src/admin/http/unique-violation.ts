import { AdminError } from '../admin-error.js';

/** How a refusal names a record of each model whose unique key was taken, by Prisma model name. */
const takenRecord: Record<string, string> = {
  Intent: 'An intent with this name',
  KnowledgeArticle: 'An article with this slug',
  IntentExample: 'This example',
};

/**
 * A PostgreSQL unique-key violation (Prisma P2002, or SQLSTATE 23505 under a raw query's P2010) as a 409 `conflict`.
 * It happens when two requests create the same record at once: both pass the "is it taken?" check, and the database
 * refuses the second insert. The caller's request is as wrong as if it had come a moment later, so it gets the same
 * refusal, not a 500.
 * @param err anything thrown
 * @returns the AdminError, or null when `err` is not a unique-key violation
 */
export function uniqueViolation(err: unknown): AdminError | null {
  const e = err as { name?: string; code?: string; meta?: { modelName?: string; driverAdapterError?: { cause?: { originalCode?: string; constraint?: { fields?: string[] } } } } };
  if (e?.name !== 'PrismaClientKnownRequestError') return null;
  const cause = e.meta?.driverAdapterError?.cause;
  if (e.code !== 'P2002' && cause?.originalCode !== '23505') return null;
  const fields = cause?.constraint?.fields;
  const what = takenRecord[e.meta?.modelName ?? ''] ?? `A record with the same ${fields?.length ? fields.join(', ') : 'unique value'}`;
  return new AdminError('conflict', `${what} exists already (it was saved by another request at the same moment). Reload and try again.`);
}
