import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { ChannelName } from '../core/message.js';

/**
 * Find or create the conversation and lock its row for the rest of the transaction, in one statement:
 * INSERT … ON CONFLICT DO UPDATE takes the row lock, so a concurrent turn of the same conversation (on any instance)
 * waits here until this one commits. A new `reference` replaces the stored one (Bot Framework service URLs change).
 * @returns the conversation id and its stored dialog state (JSON)
 */
export async function lockConversation(
  db: Db,
  input: { channel: ChannelName; externalId: string; employeeId: string; reference?: Record<string, unknown> },
): Promise<{ id: string; state: unknown }> {
  const reference = input.reference ? JSON.stringify(input.reference) : null;
  const rows = await db.$queryRaw<Array<{ id: string; state: unknown }>>`
    INSERT INTO "Conversation" ("id", "channel", "externalId", "employeeId", "reference", "state", "updatedAt")
    VALUES (${randomUUID()}, ${input.channel}::"Channel", ${input.externalId}, ${input.employeeId},
            COALESCE(${reference}::jsonb, '{}'::jsonb), '{}'::jsonb, now())
    ON CONFLICT ("channel", "externalId") DO UPDATE
      SET "reference" = COALESCE(${reference}::jsonb, "Conversation"."reference"), "updatedAt" = now()
    RETURNING "id", "state"`;
  return rows[0]!;
}
