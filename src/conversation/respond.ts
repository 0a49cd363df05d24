import type { Understanding } from '../classification/types.js';
import type { Choice } from '../core/reply.js';
import { actOnIntent, answerQuestion } from './act-on-intent.js';
import { answerImpactElsewhere, isImpactPressElsewhere } from './answer-impact-elsewhere.js';
import { answerPending } from './answer-pending.js';
import { answerLateForm } from './answer-request-form.js';
import { asksForHuman } from './asks-for-human.js';
import { showsFrustration } from './frustration.js';
import { choiceValue, type ChoiceAction } from './choice-values.js';
import { handleMiss } from './handle-miss.js';
import { missesIntent, searchesWithoutIntent } from './searches-without-intent.js';
import { openTicketAndReply } from './open-ticket-reply.js';
import { resumeParkedIncident } from './park-incident.js';
import { showTicketStatus } from './show-ticket-status.js';
import type { Turn } from './turn.js';
import { say } from './wording.js';

/** Two candidates closer than this in confidence are both offered, rather than confirming the first. */
const closeCall = 0.2;

const thanksPattern = /^(thanks?|thank you|thx|ty|cheers|great,? thanks?)\b/i;

/**
 * Decide and produce the replies for one understood message: answer what deskbot asked if this is the answer,
 * otherwise act in tiers — confident → act; unsure → confirm or offer the top choices; lost → rephrase, then offer help.
 * Then, with nothing else pending, ask again about an incident parked by a new message (park-incident.ts).
 */
export async function respond(turn: Turn, understanding: Understanding, action: ChoiceAction | null): Promise<void> {
  await respondToMessage(turn, understanding, action);
  resumeParkedIncident(turn);
}

async function respondToMessage(turn: Turn, understanding: Understanding, action: ChoiceAction | null): Promise<void> {
  // An empty message (an image, a sticker) answers nothing: say so and keep any question deskbot asked open.
  if (!turn.text && !action) { turn.replies.push({ text: say.empty }); return; }
  // A press on an older impact question answers that one; the question pending now stays open.
  if (isImpactPressElsewhere(turn, action)) return answerImpactElsewhere(turn, action);
  const pending = turn.state.pending;
  if (pending && (await answerPending(turn, pending, action, understanding))) return;
  turn.state.pending = undefined;
  if (action) return respondToStaleAction(turn, action);
  const { catalog, thresholds } = turn.services;
  if (showsFrustration(turn.text)) {
    return openTicketAndReply(turn, { kind: understanding.kind === 'incident' ? 'incident' : 'service_request', intent: understanding.intent ? catalog.get(understanding.intent) ?? null : null, text: turn.text, impact: understanding.impact ?? 3, urgency: understanding.urgency ?? 2, escalation: 'frustration' });
  }
  if (asksForHuman(turn.text)) {
    return openTicketAndReply(turn, { kind: 'service_request', intent: null, text: turn.text, impact: 3, urgency: 3, escalation: 'requested_human' });
  }

  if (understanding.kind === 'ticket_status') return showTicketStatus(turn, understanding.ticketNumbers);
  if (understanding.kind === 'greeting') {
    turn.state.misses = 0;
    turn.replies.push({ text: thanksPattern.test(turn.text) ? say.thanks : say.greeting(turn.employee.displayName) });
    return;
  }
  if (searchesWithoutIntent(turn.text, understanding, turn.services)) return answerQuestion(turn, turn.text);
  const intent = understanding.intent ? catalog.get(understanding.intent) : undefined;
  if (!intent || missesIntent(understanding, turn.services)) return handleMiss(turn, { outOfScope: understanding.kind === 'out_of_scope' });
  if (understanding.confidence >= thresholds.act) return actOnIntent(turn, intent, turn.text, [], understanding);
  return clarify(turn, understanding);
}

/**
 * Unsure: offer the close candidates as buttons, or confirm the single likely one — unless asking would change
 * nothing: when the close candidates are all of one kind and that kind is clear, act on the best one (articles are
 * searched for all of them; an agent can re-assign an incident, but nobody should be quizzed first).
 */
async function clarify(turn: Turn, understanding: Understanding): Promise<void> {
  const { catalog, thresholds } = turn.services;
  const best = understanding.alternatives[0]!;
  const close = understanding.alternatives
    .filter((a) => best.confidence - a.confidence < closeCall && a.confidence >= thresholds.confirm / 2)
    .map((a) => catalog.get(a.intent))
    .filter((d): d is NonNullable<typeof d> => Boolean(d))
    .slice(0, 3);
  const kindConfidence = understanding.alternatives.filter((a) => handling(a.kind) === handling(best.kind)).reduce((sum, a) => sum + a.confidence, 0);
  if (close.every((d) => handling(d.kind) === handling(best.kind)) && kindConfidence >= thresholds.act && close[0]) {
    return actOnIntent(turn, close[0], turn.text, close.slice(1).map((d) => d.name), understanding);
  }
  if (close.length >= 2) {
    const choices: Choice[] = close.map((d) => ({ label: d.description || d.name, value: choiceValue({ type: 'intent', intent: d.name }) }));
    choices.push({ label: 'Something else', value: choiceValue({ type: 'none' }) });
    turn.state.pending = { type: 'choose_intent', intents: close.map((d) => d.name), text: turn.text };
    turn.replies.push({ text: say.choose, choices });
    return;
  }
  const intent = catalog.get(best.intent)!;
  turn.state.pending = { type: 'confirm_intent', intent: intent.name, text: turn.text };
  turn.replies.push({
    text: say.confirm(intent.description || intent.name),
    choices: [{ label: 'Yes', value: choiceValue({ type: 'yes' }) }, { label: 'No', value: choiceValue({ type: 'no' }) }],
  });
}

/** A button from an earlier exchange: still honour the ones that make sense on their own. */
async function respondToStaleAction(turn: Turn, action: ChoiceAction): Promise<void> {
  if (action.type === 'intent') {
    const intent = turn.services.catalog.get(action.intent);
    if (intent) return actOnIntent(turn, intent, turn.text);
  }
  if (action.type === 'human' || action.type === 'open_ticket') {
    return openTicketAndReply(turn, {
      kind: 'service_request', intent: null, text: turn.text, impact: 3, urgency: 3,
      escalation: action.type === 'human' ? 'requested_human' : undefined,
    });
  }
  if (action.type === 'form' && (await answerLateForm(turn, action))) return;
  turn.replies.push({ text: say.staleChoice });
}

/** Service requests and questions are handled alike (knowledge first), so telling them apart needs no question. */
function handling(kind: string): string {
  return kind === 'service_request' || kind === 'question' ? 'knowledge' : kind;
}
