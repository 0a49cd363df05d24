import type { Db } from '../db/client.js';
import { escalationNotifyChannel } from './escalation-jobs.js';

/** Share of a ticket's SLA response window left at which an unattended ticket is escalated (ITIL: SLA at risk). */
export const slaRiskShare = 0.2;

/**
 * Escalate tickets whose SLA response target is near with no agent on them: new tickets, not responded to, inside the
 * last {@link slaRiskShare} of their response window, never escalated before. One statement, so concurrent sweeps on
 * several instances cannot escalate a ticket twice (the open-escalation `dedupeKey` is unique).
 * @returns how many escalations were written (the relay picks them up like any other)
 */
export async function sweepSlaRisk(db: Db, share = slaRiskShare): Promise<number> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    WITH ins AS (
      INSERT INTO "Escalation" ("id", "ticketId", "dedupeKey", "conversationId", "reason", "assignmentGroup", "status", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, t."id", t."id", t."conversationId", 'sla_risk', t."assignmentGroup", 'pending', now(), now()
      FROM "Ticket" t
      WHERE t."status" = 'new' AND t."respondedAt" IS NULL AND t."conversationId" IS NOT NULL
        AND t."responseDueAt" <= now() + (t."responseDueAt" - t."createdAt") * ${share}::float8
        AND NOT EXISTS (SELECT 1 FROM "Escalation" e WHERE e."ticketId" = t."id")
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING "id")
    SELECT "id", pg_notify(${escalationNotifyChannel}, "id")::text AS "notified" FROM ins`;
  return rows.length;
}
