import type { Db } from '../db/client.js';
import type { ChannelName, SenderIdentity } from '../core/message.js';
import type { TicketDirectory } from '../core/ticket-directory.js';
import type { Ticket } from '../generated/prisma/client.js';
import { toTicketCard } from './ticket-card.js';

type TicketRow = Pick<Ticket, 'number' | 'kind' | 'title' | 'status' | 'priority' | 'responseDueAt' | 'resolutionDueAt' | 'updatedAt'>;

/**
 * The {@link TicketDirectory} over PostgreSQL. The sender is resolved as the pipeline resolves one
 * (src/conversation/identify-employee.ts): by channel identity, else — for a verified identity only — by email; but
 * nothing is created, so a stranger simply has no tickets. Raw SQL: this backs surfaces (Slack App Home, `/it status`)
 * that must answer within Slack's 3-second window.
 */
export function createTicketDirectory(db: Db): TicketDirectory {
  return {
    async listForSender(channel, sender, options = {}) {
      const employeeId = await findEmployeeId(db, channel, sender);
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

async function findEmployeeId(db: Db, channel: ChannelName, sender: SenderIdentity): Promise<string | null> {
  const [known] = await db.$queryRaw<Array<{ employeeId: string }>>`
    SELECT "employeeId" FROM "ChannelIdentity"
    WHERE "channel" = ${channel}::"Channel" AND "tenant" = ${sender.tenant ?? ''} AND "externalId" = ${sender.externalId}`;
  if (known) return known.employeeId;
  const email = sender.verified && sender.email ? sender.email.trim().toLowerCase() : null;
  if (!email) return null;
  const [byEmail] = await db.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Employee" WHERE "email" = ${email}`;
  return byEmail?.id ?? null;
}
