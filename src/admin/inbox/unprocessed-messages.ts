import type { Db } from '../../db/client.js';

/**
 * The unprocessed messages received in the last `days` days, newest first, at most 200: failed turns that could not
 * be kept in a conversation, and journaled events replayed too often without success. Texts are stored redacted.
 */
export async function listUnprocessed(db: Db, days: number) {
  const since = new Date(Date.now() - days * 86_400_000);
  return db.unprocessedMessage.findMany({ where: { receivedAt: { gte: since } }, orderBy: { receivedAt: 'desc' }, take: 200 });
}
