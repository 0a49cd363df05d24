import type { Db } from '../db/client.js';
import type { Ticket } from '../generated/prisma/client.js';
import { priorityFor, type Level } from './priority-matrix.js';
import { slaDueTimes, type SlaPolicy } from './sla-policy.js';

/**
 * Set a ticket's ITIL impact and urgency: priority follows the matrix, the SLA targets follow the priority (counted
 * from when the ticket was opened), and a TicketEvent `priority_changed` records `{ from, to }`.
 * Only the requester's own open incident changes (a service request's priority is the desk's call, and a resolved
 * or closed ticket is history); the same levels change nothing and write no event.
 * @param requesterId the employee asking; a ticket of anyone else is left alone
 * @param input.impact, input.urgency the new levels; one left out stays as the ticket has it
 * @returns the ticket and whether it changed, or null when the requester has no such open incident
 */
export async function changeTicketImpact(
  db: Db, input: { number: string; requesterId: string; impact?: Level; urgency?: Level; actor: string; now: Date; slaPolicy?: SlaPolicy },
): Promise<{ ticket: Ticket; changed: boolean } | null> {
  const ticket = await db.ticket.findFirst({
    where: { number: input.number, requesterId: input.requesterId, kind: 'incident', status: { notIn: ['resolved', 'closed'] } },
  });
  if (!ticket) return null;
  const impact = input.impact ?? ticket.impact as Level;
  const urgency = input.urgency ?? ticket.urgency as Level;
  if (ticket.impact === impact && ticket.urgency === urgency) return { ticket, changed: false };
  const priority = priorityFor(impact, urgency);
  const updated = await db.ticket.update({
    where: { id: ticket.id },
    data: { impact, urgency, priority, ...slaDueTimes(priority, ticket.createdAt, input.slaPolicy), updatedAt: input.now },
  });
  await db.ticketEvent.create({
    data: {
      ticketId: ticket.id, type: 'priority_changed', actor: input.actor, createdAt: input.now,
      data: { from: { impact: ticket.impact, urgency: ticket.urgency, priority: ticket.priority }, to: { impact, urgency, priority } },
    },
  });
  return { ticket: updated, changed: true };
}
