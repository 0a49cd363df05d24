import type { Db } from '../../db/client.js';

/** An employee message as stored (already redacted). */
export interface StoredInbound {
  id: string;
  text: string;
  at: string;
}

// The pipeline classifies without its own redaction markers ("[redacted password]"); replay must see what it saw.
const redactionMarker = /\[redacted [a-z_ ]+\]/g;

/** Text as the pipeline classified it. */
export function classifiableText(stored: string): string {
  return stored.replace(redactionMarker, ' ');
}

/**
 * The last `limit` employee messages that were classified (button presses and messages to an agent were not), newest
 * first. Raw SQL on the (direction, createdAt) index: this can read thousands of rows.
 */
export async function recentInbound(db: Db, limit: number): Promise<StoredInbound[]> {
  const rows = await db.$queryRaw<Array<{ id: string; text: string; createdAt: Date }>>`
    SELECT "id", "text", "createdAt" FROM "Message"
    WHERE "direction" = 'inbound' AND "kind" IS NOT NULL AND "text" <> ''
    ORDER BY "createdAt" DESC LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, text: r.text, at: r.createdAt.toISOString() }));
}
