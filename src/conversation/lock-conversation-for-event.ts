import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { InboundMessage } from '../core/message.js';

/** The conversation a turn runs in, and whether its inbound event is new. */
export interface LockedConversation {
  id: string;
  /** Stored dialog state (JSON). */
  state: unknown;
  /** False when the event id was already recorded: a retry or redelivery, which gets no second answer. */
  first: boolean;
}

/**
 * Find or create the conversation, lock its row, and record the inbound event ({@link recordInboundEvent}'s job) in one
 * statement, one round trip fewer on every turn
 * (each Prisma call costs CPU on the event loop, which a burst of messages feels). The event row is inserted from the
 * conversation row's output, so the conversation lock is always taken first, as when the two ran one after the other:
 * a concurrent duplicate waits on that lock, then its ON CONFLICT DO NOTHING sees the first delivery's committed row.
 * @param message the inbound message: its channel, event id, and conversation key and reference
 * @param employeeId who the conversation belongs to when it is created
 * @returns the conversation id, its stored dialog state and whether the event is new
 */
export async function lockConversationForEvent(
  db: Db, message: Pick<InboundMessage, 'channel' | 'eventId' | 'conversation'>, employeeId: string,
): Promise<LockedConversation> {
  const input = { channel: message.channel, externalId: message.conversation.externalId, employeeId, eventId: message.eventId };
  const reference = message.conversation.reference ? JSON.stringify(message.conversation.reference) : null;
  const rows = await db.$queryRaw<LockedConversation[]>`
    WITH c AS (
      INSERT INTO "Conversation" ("id", "channel", "externalId", "employeeId", "reference", "state", "updatedAt")
      VALUES (${randomUUID()}, ${input.channel}::"Channel", ${input.externalId}, ${input.employeeId},
              COALESCE(${reference}::jsonb, '{}'::jsonb), '{}'::jsonb, now())
      ON CONFLICT ("channel", "externalId") DO UPDATE
        SET "reference" = COALESCE(${reference}::jsonb, "Conversation"."reference"), "updatedAt" = now()
      RETURNING "id", "state"
    ), e AS (
      INSERT INTO "InboundEvent" ("channel", "eventId") SELECT ${input.channel}::"Channel", ${input.eventId} FROM c
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    SELECT c."id", c."state", EXISTS (SELECT 1 FROM e) AS "first" FROM c`;
  return rows[0]!;
}
