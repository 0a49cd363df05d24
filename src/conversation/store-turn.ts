import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { Reply } from '../core/reply.js';
import type { DialogState } from './dialog-state.js';

/** The inbound message of a turn as stored (text already redacted). */
export interface StoredInbound {
  text: string;
  eventId: string;
  action?: string;
  kind: string | null;
  intent: string | null;
  confidence: number | null;
  /** The pending question this message was read as the answer to (TurnSummary.answered), kept in the payload. */
  answered?: string;
}

/**
 * Store a turn's inbound message, its replies and the new dialog state: one statement (one round trip), raw SQL because
 * this runs on every message and Prisma 6's query compiler costs milliseconds per ORM call (prisma/orm#28845). Replies get
 * increasing times after the inbound message, so a transcript reads in order.
 */
export async function storeTurn(db: Db, conversationId: string, now: Date, inbound: StoredInbound, replies: Reply[], state: DialogState): Promise<void> {
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const rows = [
    {
      id: randomUUID(), conversationId, direction: 'inbound', text: inbound.text, payload: inboundPayload(inbound),
      eventId: inbound.eventId, kind: inbound.kind, intent: inbound.intent, confidence: inbound.confidence, createdAt: at(0),
    },
    ...replies.map((r, i) => ({
      id: randomUUID(), conversationId, direction: 'outbound', text: r.text, payload: r, eventId: null, kind: null, intent: null, confidence: null, createdAt: at(i + 1),
    })),
  ];
  await db.$executeRaw`
    WITH m AS (
      INSERT INTO "Message" ("id", "conversationId", "direction", "text", "payload", "eventId", "kind", "intent", "confidence", "createdAt")
      SELECT x."id", x."conversationId", x."direction"::"Direction", x."text", x."payload", x."eventId", x."kind", x."intent", x."confidence", x."createdAt"
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
        "id" text, "conversationId" text, "direction" text, "text" text, "payload" jsonb, "eventId" text,
        "kind" text, "intent" text, "confidence" double precision, "createdAt" timestamp(3))
    )
    UPDATE "Conversation" SET "state" = ${JSON.stringify(state)}::jsonb, "updatedAt" = now() WHERE "id" = ${conversationId}`;
}

/** `{ action?, answered? }`, or null when there is neither (most messages), which keeps the row small. */
function inboundPayload(inbound: StoredInbound): { action?: string; answered?: string } | null {
  if (!inbound.action && !inbound.answered) return null;
  return { ...(inbound.action ? { action: inbound.action } : {}), ...(inbound.answered ? { answered: inbound.answered } : {}) };
}
