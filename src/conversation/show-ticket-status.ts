import { findTicketForRequester, listRequesterTickets } from '../tickets/find-ticket.js';
import { toTicketCard } from '../tickets/ticket-card.js';
import type { Turn } from './turn.js';
import { say } from './wording.js';

/** Most open tickets listed at once. */
const listLimit = 5;

/**
 * Show the employee their own tickets: the numbers they named, or their open tickets. Someone else's ticket reads
 * exactly like a missing one, so numbers cannot be probed.
 */
export async function showTicketStatus(turn: Turn, numbers: string[]): Promise<void> {
  turn.summary.kind = 'ticket_status';
  turn.state.pending = undefined;
  turn.state.misses = 0;
  if (numbers.length) {
    for (const number of numbers.slice(0, listLimit)) {
      const ticket = await findTicketForRequester(turn.db, number, turn.employee.id);
      turn.replies.push(ticket ? { text: say.ticketFound(number), tickets: [toTicketCard(ticket)] } : { text: say.ticketNotFound(number) });
    }
    return;
  }
  const open = await listRequesterTickets(turn.db, turn.employee.id, { openOnly: true, limit: listLimit });
  turn.replies.push(open.length ? { text: say.yourTickets(open.length), tickets: open.map(toTicketCard) } : { text: say.noOpenTickets });
}
