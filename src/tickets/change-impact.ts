import type { Db } from '../db/client.js';
import type { Ticket } from '../generated/prisma/client.js';
import { priorityFor, type Level } from './priority-matrix.js';
import { slaDueTimes, type SlaPolicy } from './sla-policy.js';

/**
 * Set a ticket's ITIL impact and urgency: priority follows the matrix, the SLA targets follow the priority (counted
 * from when the ticket was opened), and a TicketEvent `priority_changed` records `{ from, to }`.
 * Only the requester's own ticket changes; the same levels change nothing and write no event.
 * @param requesterId the employee asking; a ticket of anyone else is left alone
 * @returns the ticket and whether it changed, or null when the requester has no such ticket
 */
export async function changeTicketImpact(
  db: Db, input: { number: string; requesterId: string; impact: Level; urgency: Level; actor: string; now: Date; slaPolicy?: SlaPolicy },
): Promise<{ ticket: Ticket; changed: boolean } | null> {
  const ticket = await db.ticket.findFirst({ where: { number: input.number, requesterId: input.requesterId } });
  if (!ticket) return null;
  if (ticket.impact === input.impact && ticket.urgency === input.urgency) return { ticket, changed: false };
  const priority = priorityFor(input.impact, input.urgency);
  const updated = await db.ticket.update({
    where: { id: ticket.id },
    data: { impact: input.impact, urgency: input.urgency, priority, ...slaDueTimes(priority, ticket.createdAt, input.slaPolicy), updatedAt: input.now },
  });
  await db.ticketEvent.create({
    data: {
      ticketId: ticket.id, type: 'priority_changed', actor: input.actor, createdAt: input.now,
      data: { from: { impact: ticket.impact, urgency: ticket.urgency, priority: ticket.priority }, to: { impact: input.impact, urgency: input.urgency, priority } },
    },
  });
  return { ticket: updated, changed: true };
}
