import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { EscalationRequest } from '../conversation/turn.js';
import { escalationNotifyChannel } from './escalation-jobs.js';

/**
 * The `escalate` turn service: writes a pending Escalation row in the caller's transaction (transactional outbox),
 * so it commits or rolls back with the ticket change. At most one open escalation per ticket (`dedupeKey` = ticket
 * id while open): a second call for the same ticket does nothing. The assignment group is the ticket's.
 * A NOTIFY, delivered only on commit, wakes the outbox relay.
 */
export function createEscalationHook(): (db: Db, request: EscalationRequest) => Promise<void> {
  return async (db, request) => {
    await db.$executeRaw`
      WITH ins AS (
        INSERT INTO "Escalation" ("id", "ticketId", "dedupeKey", "conversationId", "reason", "assignmentGroup", "status", "createdAt", "updatedAt")
        VALUES (${randomUUID()}, ${request.ticketId}, ${request.ticketId}, ${request.conversationId}, ${request.reason},
          (SELECT "assignmentGroup" FROM "Ticket" WHERE "id" = ${request.ticketId}), 'pending', now(), now())
        ON CONFLICT ("dedupeKey") DO NOTHING
        RETURNING "id")
      SELECT pg_notify(${escalationNotifyChannel}, "id") FROM ins`;
  };
}
