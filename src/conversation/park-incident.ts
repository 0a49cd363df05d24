import type { Pending } from './dialog-state.js';
import { ticketTitle } from './open-ticket-reply.js';
import type { Turn } from './turn.js';
import { buttons, say } from './wording.js';

type ImpactQuestion = Extract<Pending, { type: 'ask_impact' }>;

/**
 * Set an unanswered impact question aside while the employee's new request or incident is handled: the incident is
 * not opened with a guessed priority, and not dropped either. {@link resumeParkedIncident} asks again later.
 */
export function parkIncident(turn: Turn, question: ImpactQuestion): void {
  turn.state.parked = [...(turn.state.parked ?? []), { intent: question.intent, text: question.text }];
}

/**
 * At the end of a turn that left nothing pending, ask the impact question of the oldest parked incident again,
 * naming it, so the employee knows which problem it is about.
 */
export function resumeParkedIncident(turn: Turn): void {
  const [next, ...rest] = turn.state.parked ?? [];
  if (!next || turn.state.pending) return;
  turn.state.parked = rest.length ? rest : undefined;
  turn.state.pending = { type: 'ask_impact', intent: next.intent, text: next.text };
  turn.replies.push({ text: say.askParkedImpact(ticketTitle(next.text, next.intent)), choices: buttons.impact() });
}
