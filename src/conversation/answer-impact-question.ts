import type { Understanding } from '../classification/types.js';
import type { Level } from '../tickets/priority-matrix.js';
import { asksForHuman } from './asks-for-human.js';
import type { ChoiceAction } from './choice-values.js';
import type { ImpactQuestion } from './dialog-state.js';
import { showsFrustration } from './frustration.js';
import { openTicketAndReply } from './open-ticket-reply.js';
import { incidentDefaults } from './open-unanswered-incident.js';
import { parkIncident } from './park-incident.js';
import { impactAnswers, readImpactReply } from './read-impact-reply.js';
import type { Turn } from './turn.js';
import { buttons, say } from './wording.js';


// Anywhere in a short reply ("please cancel", "no, cancel it", "stop"): a missed cancel would end in an unwanted ticket.
const cancelPattern = /\b(cancel|never ?mind|forget (it|about it)|ignore (it|that)|don'?t (log|open) (it|one|a ticket)|no ticket|stop)\b/i;

/**
 * Read the reply to "how badly does it affect work?" (ITIL: priority = impact × urgency) and open the incident.
 * A button, its label or number, or words that say who is affected or whether they can work ("just me", "the whole
 * team", "can't work at all", "minor") answer it. A confident new request or incident, or a ticket-status question,
 * is a new message: the incident is parked (park-incident.ts) and false is returned. Anything else ("yes", "asdfgh")
 * gets the question once more, then the intent's default impact and urgency, said in the reply. "Cancel" drops it.
 * @returns false when the message is not for this question and should be handled as a new one
 */
export async function answerImpactQuestion(turn: Turn, question: ImpactQuestion, action: ChoiceAction | null, understanding: Understanding): Promise<boolean> {
  const intent = turn.services.catalog.get(question.intent) ?? null;
  const defaults = incidentDefaults(intent);
  const open = async (levels: { impact: Level; urgency: Level }, text: string, escalation?: 'requested_human' | 'frustration') => {
    await openTicketAndReply(turn, { kind: 'incident', intent, text, ...levels, suggestArticles: true, escalation });
    turn.summary.kind = 'incident';
    turn.summary.intent = intent?.name ?? null;
  };
  const openWithDefaults = async (escalation?: 'requested_human' | 'frustration') => {
    turn.replies.push({ text: say.impactDefaulted(defaults.impact, defaults.urgency, Boolean(intent)) });
    await open(defaults, question.text, escalation);
  };

  if (action) {
    if (action.type === 'impact') { answered(turn); await open(impactAnswers[action.level], question.text); return true; }
    // Another button (an older question's): handle it, and come back to this incident afterwards.
    await parkIncident(turn, question);
    return false;
  }
  const reply = readImpactReply(turn.text);
  if (reply?.source === 'choice') { answered(turn); await open(reply, question.text); return true; }
  // A short reply whose words answer the question ("my whole team") is the answer, even if the classifier hears a
  // status question in "my …"; a longer message about something else is a message of its own.
  const answers = reply !== null && turn.text.trim().split(/\s+/).length <= 6;
  if (!answers && isNewMessage(question, understanding, turn.services.thresholds, turn.text)) { await parkIncident(turn, question); return false; }
  const escalation = asksForHuman(turn.text) ? 'requested_human' as const : showsFrustration(turn.text) ? 'frustration' as const : undefined;
  if (reply) {
    // The words go on the ticket too: "only me, since the update" tells the agent something.
    answered(turn);
    await open({ impact: reply.impact ?? defaults.impact, urgency: reply.urgency ?? defaults.urgency }, `${question.text}\n${turn.text}`, escalation);
    return true;
  }
  if (escalation) { await openWithDefaults(escalation); return true; }
  if (cancelPattern.test(turn.text) && turn.text.split(/\s+/).length <= 6) {
    turn.state.pending = undefined;
    answered(turn);
    turn.replies.push({ text: say.notLogged });
    return true;
  }
  if (!question.reasked) {
    turn.state.pending = { ...question, reasked: true };
    const choices = buttons.impact(question.id);
    turn.replies.push({ text: say.reaskImpact(choices.map((c) => c.label)), choices });
    return true;
  }
  await openWithDefaults();
  return true;
}

/**
 * Mark the message as read as the answer (it leaves the misunderstood inbox). Not for a reply asked again or replaced
 * by the defaults, nor for a call for a person: deskbot did not read those as answers.
 */
function answered(turn: Turn): void {
  turn.summary.answered = 'ask_impact';
}

/**
 * A reply that is a message of its own: a status question, or a request, incident or question about another intent
 * that the classifier is confident in ("wifi is down in the whole building" while asked about the printer).
 */
function isNewMessage(question: ImpactQuestion, understanding: Understanding, thresholds: { act: number; confirm: number }, text: string): boolean {
  if (understanding.kind === 'ticket_status') return true;
  // A question ("how do I reset my password") is never an answer to "how badly does it affect work?", so the
  // classifier need only be as sure as it must be to offer an intent, not to act on it.
  const needed = questionShape.test(text.trim()) ? thresholds.confirm : thresholds.act;
  return understanding.intent !== null && understanding.intent !== question.intent
    && (understanding.kind === 'incident' || understanding.kind === 'service_request' || understanding.kind === 'question')
    && understanding.confidence >= needed;
}

const questionShape = /\?$|^(how|what|where|why|when|who|which|can|could|would|is|are|do|does|did|should)\b/i;
