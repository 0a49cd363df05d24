import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import { Prisma } from '../generated/prisma/client.js';
import type { InboundMessage } from '../core/message.js';

/** The conversation a turn runs in, and whether its inbound event is new. */
export interface LockedConversation {
  id: string;
  /** Stored dialog state (JSON). */
  state: unknown;
  /** False when the event id was already recorded: a retry or redelivery, which gets no second answer. */
  first: boolean;
  /** True while the conversation has an open (not resolved) escalation: an agent may own it (TurnServices.bridge). */
  escalated: boolean;
}

/** What the conversation row and the event row are written from. */
export type ConversationEvent = Pick<InboundMessage, 'channel' | 'eventId' | 'conversation'>;

/**
 * Find or create the conversation, lock its row, and record the inbound event ({@link recordInboundEvent}'s job) in one
 * statement, one round trip fewer on every turn
 * (each Prisma call costs CPU on the event loop, which a burst of messages feels). The event row is inserted from the
 * conversation row's output, so the conversation lock is always taken first, as when the two ran one after the other:
 * a concurrent duplicate waits on that lock, then its ON CONFLICT DO NOTHING sees the first delivery's committed row.
 * @param message the inbound message: its channel, event id, and conversation key and reference
 * @param employeeId who the conversation belongs to when it is created
 * @returns the conversation id, its stored dialog state, whether the event is new and whether it is escalated
 */
export async function lockConversationForEvent(db: Db, message: ConversationEvent, employeeId: string): Promise<LockedConversation> {
  const rows = await db.$queryRaw<LockedConversation[]>`
    WITH ${lockedConversationCtes(message, Prisma.sql`SELECT ${employeeId}::text AS "id"`)}
    SELECT c."id", c."state", c."escalated", EXISTS (SELECT 1 FROM e) AS "first" FROM c`;
  return rows[0]!;
}

/**
 * The CTEs `c` (the conversation row upserted and locked: `id`, `state`, `escalated`) and `e` (the event row, when
 * new), for a statement that begins `WITH`. Nothing is written when `owner` yields no row.
 * `escalated` is asked of a volatile function (migration `20261207130000_conversation_escalated`) in RETURNING, so after the row
 * lock is granted and on a fresh snapshot: an escalation committed by a transaction this one waited for is seen.
 * @param owner a query yielding at most one row with the column `id`: the employee a new conversation belongs to
 */
export function lockedConversationCtes(message: ConversationEvent, owner: Prisma.Sql): Prisma.Sql {
  const reference = message.conversation.reference ? JSON.stringify(message.conversation.reference) : null;
  return Prisma.sql`c AS (
      INSERT INTO "Conversation" ("id", "channel", "externalId", "employeeId", "reference", "state", "updatedAt")
      SELECT ${randomUUID()}, ${message.channel}::"Channel", ${message.conversation.externalId}, o."id",
             COALESCE(${reference}::jsonb, '{}'::jsonb), '{}'::jsonb, now()
      FROM (${owner}) AS o
      ON CONFLICT ("channel", "externalId") DO UPDATE
        SET "reference" = COALESCE(${reference}::jsonb, "Conversation"."reference"), "updatedAt" = now()
      RETURNING "id", "state", "conversation_escalated"("id") AS "escalated"
    ), e AS (
      INSERT INTO "InboundEvent" ("channel", "eventId") SELECT ${message.channel}::"Channel", ${message.eventId} FROM c
      ON CONFLICT DO NOTHING
      RETURNING 1
    )`;
}
