import type { Db } from '../db/client.js';
import type { Ticket, TicketStatus } from '../generated/prisma/client.js';
import { ticketColumns } from './ticket-columns.js';

/** Statuses that count as open (not yet resolved or closed). */
export const openStatuses: readonly TicketStatus[] = ['new', 'in_progress', 'on_hold'];

/**
 * A requester's own ticket by number (case and surrounding spaces ignored: `inc0001001` finds `INC0001001`).
 * @returns the ticket, or null when it does not exist or belongs to someone else (the two are indistinguishable on purpose)
 */
export async function findTicketForRequester(db: Db, number: string, requesterId: string): Promise<Ticket | null> {
  // Raw SQL: asked on turns (ticket status), where an ORM call costs milliseconds (see ticket-columns.ts).
  const [ticket] = await db.$queryRaw<Ticket[]>`
    SELECT ${ticketColumns} FROM "Ticket" WHERE "number" = ${number.trim().toUpperCase()} AND "requesterId" = ${requesterId} LIMIT 1`;
  return ticket ?? null;
}

/**
 * A requester's tickets, newest first.
 * @param options.openOnly only new, in_progress and on_hold tickets
 * @param options.limit at most this many (default 20, capped at 100)
 */
export async function listRequesterTickets(
  db: Db,
  requesterId: string,
  options: { openOnly?: boolean; limit?: number } = {},
): Promise<Ticket[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), 100);
  // Raw SQL: "my tickets" is a turn (see ticket-columns.ts). Without openOnly every status matches.
  const statuses = options.openOnly ? [...openStatuses] : null;
  return db.$queryRaw<Ticket[]>`
    SELECT ${ticketColumns} FROM "Ticket"
    WHERE "requesterId" = ${requesterId} AND (${statuses}::text[] IS NULL OR "status"::text = ANY(${statuses}::text[]))
    ORDER BY "createdAt" DESC, "number" DESC
    LIMIT ${limit}`;
}
