import { changeTicketImpact } from '../tickets/change-impact.js';
import { reportImpactChange } from './answer-impact-change.js';
import type { ChoiceAction } from './choice-values.js';
import { incidentIdKey, openUnticketedIncident } from './open-unanswered-incident.js';
import { impactAnswers } from './read-impact-reply.js';
import type { Turn } from './turn.js';
import { ticketTitle } from './open-ticket-reply.js';
import { buttons, say } from './wording.js';

type ImpactPress = Extract<ChoiceAction, { type: 'impact' }>;

/**
 * Whether an impact button press is about something other than the question now pending: its `ref` names another
 * incident (a parked one, or one whose question was asked before) or another ticket. Presses without a ref are
 * answered by the pending question, as before refs existed.
 */
export function isImpactPressElsewhere(turn: Turn, action: ChoiceAction | null): action is ImpactPress & { ref: string } {
  if (action?.type !== 'impact' || !action.ref) return false;
  const pending = turn.state.pending;
  if (pending?.type === 'ask_impact') return pending.id !== action.ref;
  if (pending?.type === 'change_impact') return pending.ticket !== action.ref;
  return true;
}

/**
 * Answer an impact button pressed on an earlier question (ITIL: priority = impact × urgency), leaving the pending
 * question alone: the employee may scroll back and answer an older one first.
 * - A parked incident with that id is opened now at the pressed levels.
 * - A ticket already logged for it (the number, or the ticket the sweep opened for that incident id) gets its impact
 *   and urgency changed, if it is the employee's own.
 * - Anything else (a question answered or cancelled since) is said to be answered already.
 */
export async function answerImpactElsewhere(turn: Turn, action: ImpactPress & { ref: string }): Promise<void> {
  await answerOlderQuestion(turn, action);
  // The question still pending comes last again, with its buttons: chat clients show only the newest message's.
  const pending = turn.state.pending;
  if (pending?.type === 'ask_impact') {
    turn.replies.push({ text: say.stillAskingImpact(ticketTitle(pending.text, pending.intent)), choices: buttons.impact(pending.id) });
  }
}

async function answerOlderQuestion(turn: Turn, action: ImpactPress & { ref: string }): Promise<void> {
  const levels = impactAnswers[action.level];
  const parked = turn.state.parked ?? [];
  const incident = parked.find((p) => p.id === action.ref);
  if (incident) {
    const rest = parked.filter((p) => p !== incident);
    turn.state.parked = rest.length ? rest : undefined;
    const opened = await openUnticketedIncident(turn, incident, levels);
    Object.assign(turn.summary, { kind: 'incident', intent: incident.intent, ticket: opened.number });
    turn.replies.push(...(opened.number ? opened.replies : [{ text: say.impactAlreadyAnswered }]));
    return;
  }
  const number = await ticketNumberFor(turn, action.ref);
  const result = number
    ? await changeTicketImpact(turn.db, {
      number, requesterId: turn.employee.id, ...levels, actor: `requester:${turn.employee.id}`, now: turn.now, slaPolicy: turn.services.slaPolicy,
    })
    : null;
  if (!result) { turn.replies.push({ text: say.impactAlreadyAnswered }); return; }
  Object.assign(turn.summary, { kind: 'incident', intent: result.ticket.intent, ticket: result.ticket.number });
  await reportImpactChange(turn, result);
}

/** The ticket a ref names: a ticket number as it is, or the ticket the pending-incident sweep opened for that incident id. */
async function ticketNumberFor(turn: Turn, ref: string): Promise<string | null> {
  const byKey = await turn.db.ticket.findUnique({
    where: { sourceEventKey: incidentIdKey(turn.conversationId, ref) }, select: { number: true },
  });
  if (byKey) return byKey.number;
  return /^[A-Z]{2,5}\d+$/.test(ref) ? ref : null;
}
