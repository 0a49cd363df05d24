import type { ImpactQuestion, UnticketedIncident } from './dialog-state.js';
import { openUnansweredIncident } from './open-unanswered-incident.js';
import { ticketTitle } from './open-ticket-reply.js';
import type { Turn } from './turn.js';
import { buttons, say } from './wording.js';

/**
 * Most incidents parked in one conversation unless PARKED_INCIDENTS_MAX says otherwise. Beyond it the oldest is opened
 * at once with its defaults: a queue of unanswered questions the employee will never work through helps nobody, and a
 * logged incident is never lost.
 */
export const maxParkedIncidents = 3;

/**
 * Set an unanswered impact question aside while the employee's new request or incident is handled: the incident is
 * not opened with a guessed priority, and not dropped either. {@link resumeParkedIncident} asks again later; the
 * pending-incident sweep opens it if nobody answers in time. Parking one beyond the limit ({@link maxParkedIncidents}) opens the
 * oldest now, and the employee is told in this turn's replies.
 */
export async function parkIncident(turn: Turn, question: ImpactQuestion): Promise<void> {
  const parked: UnticketedIncident[] = [...(turn.state.parked ?? []), { intent: question.intent, text: question.text, id: question.id, since: question.since }];
  while (parked.length > (turn.services.maxParkedIncidents ?? maxParkedIncidents)) {
    const oldest = parked.shift()!;
    turn.replies.push(...(await openUnansweredIncident(turn, oldest, 'too_many_parked')).replies);
  }
  turn.state.parked = parked;
}

/**
 * At the end of a turn that left nothing pending, ask the impact question of the oldest parked incident again,
 * naming it, so the employee knows which problem it is about. Its id and clock carry over: asking again does not
 * postpone its time-out.
 */
export function resumeParkedIncident(turn: Turn): void {
  const [next, ...rest] = turn.state.parked ?? [];
  if (!next || turn.state.pending) return;
  turn.state.parked = rest.length ? rest : undefined;
  turn.state.pending = { type: 'ask_impact', intent: next.intent, text: next.text, id: next.id, since: next.since };
  turn.replies.push({ text: say.askParkedImpact(ticketTitle(next.text, next.intent)), choices: buttons.impact(next.id) });
}
