import type { TicketCard } from '../core/reply.js';
import type { Ticket } from '../generated/prisma/client.js';

/** The requester-facing view of a ticket (src/core/reply.ts `TicketCard`), times as ISO 8601 strings. */
export function toTicketCard(ticket: Pick<Ticket, 'number' | 'kind' | 'title' | 'status' | 'priority' | 'responseDueAt' | 'resolutionDueAt' | 'updatedAt'>): TicketCard {
  return {
    number: ticket.number,
    kind: ticket.kind,
    title: ticket.title,
    status: ticket.status,
    priority: ticket.priority,
    responseDueAt: ticket.responseDueAt.toISOString(),
    resolutionDueAt: ticket.resolutionDueAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}
