import { randomUUID } from 'node:crypto';
import type { TurnServices } from '../conversation/turn.js';
import { escalationNotifyChannel } from './escalation-jobs.js';

/**
 * The `bridge` turn service. While a conversation has an open escalation, the employee's words are for the agent:
 * stored as an EscalationMessage (author employee; one statement) so the agent sees them, and the bot does not
 * start a new topic or a second ticket. Claimed: the bot stays quiet (`[]`), the agent answers. Not yet claimed:
 * a short note says the message was added for the person who picks it up. No open escalation: null, the bot answers.
 * When the escalation was posted to a chat-platform agent channel the message is marked for relay to its thread, and
 * the relay is woken (NOTIFY is delivered at commit).
 */
export function createBridgeHook(): NonNullable<TurnServices['bridge']> {
  return async (db, input) => {
    const rows = await db.$queryRaw<Array<{ id: string; status: string; number: string | null }>>`
      WITH e AS (
        SELECT "id", "status"::text AS "status", "ticketId" FROM "Escalation"
        WHERE "conversationId" = ${input.conversationId} AND "status" <> 'resolved'
        ORDER BY "createdAt" DESC LIMIT 1),
      platform AS (
        SELECT EXISTS (SELECT 1 FROM "AgentPost" p, e WHERE p."escalationId" = e."id" AND p."channel" <> 'web' AND p."externalRef" IS NOT NULL) AS "posted"),
      ins AS (
        INSERT INTO "EscalationMessage" ("id", "escalationId", "author", "text", "relayPending", "createdAt")
        SELECT ${randomUUID()}, e."id", 'employee', ${input.text}, platform."posted", now() FROM e, platform WHERE ${input.text} <> ''
        RETURNING "relayPending")
      SELECT e."id", e."status", t."number", (SELECT pg_notify(${escalationNotifyChannel}, e."id") FROM ins WHERE ins."relayPending")::text AS "notified"
      FROM e LEFT JOIN "Ticket" t ON t."id" = e."ticketId"`;
    const open = rows[0];
    if (!open) return null;
    if (open.status === 'claimed' || !input.text) return [];
    return [{ text: `I've added that to ${open.number ?? 'your ticket'} for the person who picks it up; they will reply here.` }];
  };
}
