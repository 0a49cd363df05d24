import type { Understanding } from '../classification/types.js';
import { typedYesNo, type ChoiceAction } from './choice-values.js';
import type { Pending } from './dialog-state.js';
import { openTicketAndReply } from './open-ticket-reply.js';
import { formReply, readFormFields, type RequestDetail } from './request-details.js';
import type { Turn } from './turn.js';
import { say } from './wording.js';

const cancelPattern = /^(cancel|never ?mind|forget it|stop)\b/i;

/**
 * The answer to a service-request form deskbot sent: the submitted form (action `form:<intent>` with fields), or the
 * details typed in words on a channel without forms. Opens the ticket with the details in its description; the
 * pending form is cleared with it, so a second submission opens nothing.
 * @returns false when the message is not an answer (a new problem, another button), to be handled as a fresh message
 */
export async function answerRequestForm(
  turn: Turn, pending: Extract<Pending, { type: 'request_form' }>, action: ChoiceAction | null, understanding: Understanding,
): Promise<boolean> {
  const intent = turn.services.catalog.get(pending.intent);
  const form = turn.services.requestForms?.get(pending.intent);
  if (!intent || !form) return false;
  if (action?.type === 'form') {
    if (action.intent !== pending.intent) return false;
    const read = readFormFields(form, action.fields ?? {});
    if ('missing' in read) {
      turn.replies.push(formReply(form, read.missing));
      return true;
    }
    await open(turn, pending, read.details);
    return true;
  }
  if (action) return false;
  // Only a short yes or no is an answer about the form; "no access to SAP yet, need it by Monday" is details.
  const yesNo = turn.text.split(/\s+/).length <= 3 ? typedYesNo(turn.text) : null;
  if (yesNo === 'no' || cancelPattern.test(turn.text)) {
    turn.state.pending = undefined;
    turn.replies.push({ text: say.declinedTicket });
    return true;
  }
  if (yesNo === 'yes' || !turn.text) {
    turn.replies.push(formReply(form));
    return true;
  }
  if (isNewTopic(turn, pending.intent, understanding)) return false;
  await open(turn, pending, [{ label: 'Details', value: turn.text }]);
  return true;
}

/** A confident other problem or request, a status question or a greeting is a new message, not the details. */
function isNewTopic(turn: Turn, intent: string, understanding: Understanding): boolean {
  if (understanding.confidence < turn.services.thresholds.act || understanding.intent === intent) return false;
  return understanding.kind !== 'question' && understanding.kind !== 'out_of_scope';
}

/** How long a form submitted again is taken for the same request rather than a new one, in milliseconds. */
const repeatWindowMs = 60 * 60_000;

/**
 * A form submitted after the conversation moved on (the employee asked something else before sending it): open the
 * request from the form alone — unless this conversation opened a request of that intent within the last hour, which
 * makes it a second submission of the same form.
 * @returns false when the intent has no form (a value deskbot did not issue)
 */
export async function answerLateForm(turn: Turn, action: Extract<ChoiceAction, { type: 'form' }>): Promise<boolean> {
  const form = turn.services.requestForms?.get(action.intent);
  if (!turn.services.catalog.get(action.intent) || !form) return false;
  const since = new Date(turn.now.getTime() - repeatWindowMs);
  const [recent] = await turn.db.$queryRaw<Array<{ number: string }>>`
    SELECT "number" FROM "Ticket" WHERE "conversationId" = ${turn.conversationId} AND "intent" = ${action.intent} AND "createdAt" > ${since}
    ORDER BY "createdAt" DESC LIMIT 1`;
  if (recent) {
    turn.replies.push({ text: say.ticketExists(recent.number) });
    return true;
  }
  const pending = { type: 'request_form' as const, intent: action.intent, text: form.title };
  turn.state.pending = pending;
  return answerRequestForm(turn, pending, action, { kind: 'service_request', intent: action.intent, confidence: 1, alternatives: [], ticketNumbers: [] });
}

async function open(turn: Turn, pending: Extract<Pending, { type: 'request_form' }>, details: RequestDetail[]): Promise<void> {
  const intent = turn.services.catalog.get(pending.intent)!;
  turn.summary.kind = 'service_request';
  turn.summary.intent = intent.name;
  await openTicketAndReply(turn, {
    kind: 'service_request', intent, text: pending.text, impact: intent.defaultImpact, urgency: intent.defaultUrgency,
    escalation: pending.escalation, details,
  });
}
