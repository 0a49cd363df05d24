import type { Db } from '../db/client.js';
import type { Ticket, TicketStatus } from '../generated/prisma/client.js';
import { DeskbotError } from '../core/errors.js';

/**
 * Move a ticket to a new status and record a TicketEvent `status_changed` with `{ from, to, note? }`.
 * Resolving sets `resolvedAt`; closing sets `closedAt` (and `resolvedAt` if unset); reopening (to new, in_progress
 * or on_hold) clears both. The first move to `in_progress` sets `respondedAt`, the SLA's first response.
 * Setting the status it already has changes nothing and writes no event.
 * @param number ticket number, e.g. `INC0001001` (case and surrounding spaces ignored)
 * @param actor who made the change (agent id, `deskbot`, `requester:<id>`)
 * @throws DeskbotError `not_found` when no ticket has that number
 */
export async function changeTicketStatus(db: Db, number: string, status: TicketStatus, actor: string, note?: string): Promise<Ticket> {
  const normalized = number.trim().toUpperCase();
  for (let attempt = 1; ; attempt++) {
    const ticket = await db.ticket.findUnique({ where: { number: normalized } });
    if (!ticket) throw new DeskbotError('not_found', `ticket ${normalized} not found`);
    if (ticket.status === status) return ticket;
    const updated = await updateIfUnchanged(db, ticket, status, actor, note);
    if (updated) return updated;
    // Someone changed the status between our read and write: re-read so the event's `from` stays true.
    if (attempt === 3) throw new DeskbotError('internal', `ticket ${normalized} kept changing; status not set`);
  }
}

async function updateIfUnchanged(db: Db, ticket: Ticket, status: TicketStatus, actor: string, note?: string): Promise<Ticket | null> {
  const now = new Date();
  const { count } = await db.ticket.updateMany({
    where: { id: ticket.id, status: ticket.status },
    data: { status, ...timestamps(ticket, status, now) },
  });
  if (count === 0) return null;
  await db.ticketEvent.create({
    data: { ticketId: ticket.id, type: 'status_changed', actor, data: { from: ticket.status, to: status, ...(note ? { note } : {}) }, createdAt: now },
  });
  return db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
}

function timestamps(ticket: Ticket, status: TicketStatus, now: Date) {
  switch (status) {
    case 'resolved':
      return { resolvedAt: now, closedAt: null };
    case 'closed':
      return { resolvedAt: ticket.resolvedAt ?? now, closedAt: now };
    case 'in_progress':
      return { resolvedAt: null, closedAt: null, respondedAt: ticket.respondedAt ?? now };
    default:
      return { resolvedAt: null, closedAt: null };
  }
}
