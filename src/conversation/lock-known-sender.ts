import type { Db } from '../db/client.js';
import type { InboundMessage } from '../core/message.js';
import { Prisma } from '../generated/prisma/client.js';
import type { EmployeeRef } from './identify-employee.js';
import { verifiedEmail } from './identify-employee.js';
import { lockedConversationCtes, type LockedConversation } from './lock-conversation-for-event.js';

/** What {@link lockConversationOfKnownSender} found, and locked when it could. */
export interface KnownSenderLock {
  /** The employee the sender's channel identity belongs to; undefined for an identity never seen. */
  known: EmployeeRef | undefined;
  /** The conversation, locked with its event recorded; undefined when the sender is not settled (see below). */
  conversation: LockedConversation | undefined;
}

type Row = EmployeeRef & { conversationId: string | null; state: unknown; escalated: boolean | null; first: boolean | null };

/**
 * The turn's first statement for a sender seen before: look the channel identity up, and when identifyEmployee would
 * return that employee as it is, lock the conversation and record the event ({@link lockConversationForEvent}) in the
 * same statement, one round trip fewer on every turn after the first. It would not, and nothing is locked, when the
 * identity is unknown, when an unverified sender uses a verified identity (identifyEmployee refuses it), or when a
 * verified email arrives for a verified employee without one (identifyEmployee links it, under the email's advisory
 * lock, which is taken before the conversation lock). The caller then goes the long way with what was found.
 */
export async function lockConversationOfKnownSender(
  db: Db, message: Pick<InboundMessage, 'channel' | 'eventId' | 'conversation' | 'sender'>,
): Promise<KnownSenderLock> {
  const { sender } = message;
  const email = verifiedEmail(sender);
  const rows = await db.$queryRaw<Row[]>`
    WITH k AS (
      SELECT e."id", e."displayName", e."email", e."verified" FROM "ChannelIdentity" i JOIN "Employee" e ON e."id" = i."employeeId"
      WHERE i."channel" = ${message.channel}::"Channel" AND i."tenant" = ${sender.tenant ?? ''} AND i."externalId" = ${sender.externalId}
    ), ${lockedConversationCtes(message, Prisma.sql`
      SELECT k."id" FROM k
      WHERE (${Boolean(sender.verified)}::boolean OR NOT k."verified")
        AND NOT (${email}::text IS NOT NULL AND k."verified" AND k."email" IS NULL)`)}
    SELECT k."id", k."displayName", k."email", k."verified",
           c."id" AS "conversationId", c."state", c."escalated", CASE WHEN c."id" IS NULL THEN NULL ELSE EXISTS (SELECT 1 FROM e) END AS "first"
    FROM k LEFT JOIN c ON true`;
  const row = rows[0];
  if (!row) return { known: undefined, conversation: undefined };
  const { conversationId, state, escalated, first, ...known } = row;
  if (conversationId === null) return { known, conversation: undefined };
  return { known, conversation: { id: conversationId, state, escalated: escalated!, first: first! } };
}
