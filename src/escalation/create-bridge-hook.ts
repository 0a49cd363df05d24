import { randomUUID } from 'node:crypto';
import type { TurnServices } from '../conversation/turn.js';

/**
 * The `bridge` turn service: when an agent has claimed an escalation of this conversation, the employee's text is
 * stored for the agent (EscalationMessage, author employee; one statement) and the bot stays quiet (`[]`).
 * Otherwise null, and the bot answers as usual. Button presses without text are swallowed while bridged.
 */
export function createBridgeHook(): NonNullable<TurnServices['bridge']> {
  return async (db, input) => {
    const rows = await db.$queryRaw<Array<{ id: string }>>`
      WITH e AS (
        SELECT "id" FROM "Escalation" WHERE "conversationId" = ${input.conversationId} AND "status" = 'claimed'
        ORDER BY "claimedAt" DESC LIMIT 1),
      ins AS (
        INSERT INTO "EscalationMessage" ("id", "escalationId", "author", "text", "createdAt")
        SELECT ${randomUUID()}, e."id", 'employee', ${input.text}, now() FROM e WHERE ${input.text} <> ''
        RETURNING 1)
      SELECT e."id" FROM e`;
    return rows.length ? [] : null;
  };
}
