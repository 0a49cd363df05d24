import type { Db } from '../../db/client.js';

/** The classification the bot recorded on a message when it handled it (what it actually routed on). */
export interface RecordedClassification {
  kind: string;
  intent: string | null;
  confidence: number;
}

/** An employee message as stored (already redacted). */
export interface StoredInbound {
  id: string;
  text: string;
  at: string;
  /** Null when the message carries no classification (its turn failed before one was stored). */
  recorded: RecordedClassification | null;
}

// The pipeline classifies without its own redaction markers ("[redacted password]"); replay must see what it saw.
const redactionMarker = /\[redacted [a-z_ ]+\]/g;

/** Text as the pipeline classified it. */
export function classifiableText(stored: string): string {
  return stored.replace(redactionMarker, ' ');
}

/**
 * The last `limit` employee messages with text that the bot classified, or whose turn failed before it could record
 * a classification, newest first. Button presses and messages to an agent are left out: they were never classified.
 * Raw SQL on the (direction, createdAt) index: this can read thousands of rows.
 */
export async function recentInbound(db: Db, limit: number): Promise<StoredInbound[]> {
  const rows = await db.$queryRaw<Array<{ id: string; text: string; createdAt: Date; kind: string | null; intent: string | null; confidence: number | null }>>`
    SELECT "id", "text", "createdAt", "kind", "intent", "confidence" FROM "Message"
    WHERE "direction" = 'inbound' AND ("kind" IS NOT NULL OR "error" IS NOT NULL) AND "text" <> ''
    ORDER BY "createdAt" DESC LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id, text: r.text, at: r.createdAt.toISOString(),
    recorded: r.kind !== null && r.confidence !== null ? { kind: r.kind, intent: r.intent, confidence: r.confidence } : null,
  }));
}
