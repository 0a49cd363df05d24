import type { Understanding } from '../classification/types.js';
import { changeTicketImpact } from '../tickets/change-impact.js';
import type { ChoiceAction } from './choice-values.js';
import type { Pending } from './dialog-state.js';
import { impactAnswers, readImpactReply } from './read-impact-reply.js';
import type { Turn } from './turn.js';
import { say } from './wording.js';

type ImpactChange = Extract<Pending, { type: 'change_impact' }>;

/**
 * The reply to "I've logged INC… with impact low…; reply to change it": an impact button, its label or number, or
 * words that say who is affected or whether they can work, set the ticket's impact and urgency (levels the words do
 * not name stay). Anything else, or a confident message about another intent, is a new message.
 * @returns false when the message is not for this offer
 */
export async function answerImpactChange(turn: Turn, offer: ImpactChange, action: ChoiceAction | null, understanding: Understanding): Promise<boolean> {
  const reply = action ? (action.type === 'impact' ? impactAnswers[action.level] : null) : readImpactReply(turn.text);
  if (!reply) return false;
  const otherIntent = understanding.intent !== null && understanding.intent !== offer.intent && understanding.confidence >= turn.services.thresholds.act;
  if (!action && (understanding.kind === 'ticket_status' || otherIntent)) return false;
  const result = await changeTicketImpact(turn.db, {
    number: offer.ticket, requesterId: turn.employee.id, impact: reply.impact, urgency: reply.urgency,
    actor: `requester:${turn.employee.id}`, now: turn.now, slaPolicy: turn.services.slaPolicy,
  });
  if (!result) return false;
  turn.state.pending = undefined;
  turn.summary.kind = 'incident';
  turn.summary.intent = offer.intent;
  turn.summary.ticket = offer.ticket;
  await reportImpactChange(turn, result);
  return true;
}

/**
 * Tell the employee what a change of impact did, and alert the agents when it made the incident P1 or P2 (as a new
 * incident at that priority would).
 */
export async function reportImpactChange(turn: Turn, { ticket, changed }: NonNullable<Awaited<ReturnType<typeof changeTicketImpact>>>): Promise<void> {
  turn.replies.push({ text: changed ? say.impactChanged(ticket.number, ticket.impact, ticket.urgency, ticket.priority) : say.impactUnchanged(ticket.number) });
  if (changed && ticket.priority <= 2 && turn.services.escalate) {
    await turn.services.escalate(turn.db, { ticketId: ticket.id, ticketNumber: ticket.number, conversationId: turn.conversationId, reason: 'high_priority' });
    turn.replies.push({ text: say.agentsAlerted(ticket.priority) });
  }
}
