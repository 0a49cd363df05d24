import type { Db } from '../db/client.js';
import type { TicketDirectory } from '../core/ticket-directory.js';
import type { Ticket } from '../generated/prisma/client.js';
import { findEmployee } from '../conversation/identify-employee.js';
import { toTicketCard } from './ticket-card.js';

type TicketRow = Pick<Ticket, 'number' | 'kind' | 'title' | 'status' | 'priority' | 'responseDueAt' | 'resolutionDueAt' | 'updatedAt'>;

/**
 * The {@link TicketDirectory} over PostgreSQL. The sender is resolved as the pipeline resolves one ({@link findEmployee}:
 * by channel identity, else — for a verified identity only — by email); nothing is created, so a stranger simply has
 * no tickets. Raw SQL: this backs surfaces (Slack App Home, `/it status`)
 * that must answer within Slack's 3-second window.
 */
export function createTicketDirectory(db: Db): TicketDirectory {
  return {
    async listForSender(channel, sender, options = {}) {
      const employeeId = (await findEmployee(db, channel, sender))?.id;
      if (!employeeId) return [];
      const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), 100);
      const openOnly = options.open ?? true;
      const rows = await db.$queryRaw<TicketRow[]>`
        SELECT "number", "kind"::text AS "kind", "title", "status"::text AS "status", "priority", "responseDueAt", "resolutionDueAt", "updatedAt"
        FROM "Ticket"
        WHERE "requesterId" = ${employeeId} AND (NOT ${openOnly} OR "status" IN ('new', 'in_progress', 'on_hold'))
        ORDER BY "updatedAt" DESC, "number" DESC
        LIMIT ${limit}`;
      return rows.map(toTicketCard);
    },
  };
}
