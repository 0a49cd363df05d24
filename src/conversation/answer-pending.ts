import type { Understanding } from '../classification/types.js';
import type { ChoiceAction } from './choice-values.js';
import { typedYesNo } from './choice-values.js';
import type { Pending } from './dialog-state.js';
import { actOnIntent, impactAnswers } from './act-on-intent.js';
import { choiceValue } from './choice-values.js';
import { answerRequestForm } from './answer-request-form.js';
import { handleMiss } from './handle-miss.js';
import { openTicketAndReply } from './open-ticket-reply.js';
import type { Turn } from './turn.js';
import { buttons, say } from './wording.js';

/** Longest typed answer (in words) still read as an answer to the impact question rather than a new message. */
const shortAnswerWords = 8;

/**
 * Try to read the message as the answer to what deskbot asked. Returns false when it is not an answer (a new topic),
 * so the caller handles it as a fresh message.
 */
export async function answerPending(turn: Turn, pending: Pending, action: ChoiceAction | null, understanding: Understanding): Promise<boolean> {
  const yesNo = action?.type === 'yes' || action?.type === 'no' ? action.type : action ? null : typedYesNo(turn.text);
  const { catalog } = turn.services;
  switch (pending.type) {
    case 'confirm_intent': {
      const intent = catalog.get(pending.intent);
      if (yesNo === 'yes' && intent) { await actOnIntent(turn, intent, pending.text); return true; }
      if (yesNo === 'no') { handleMiss(turn, { outOfScope: false }); return true; }
      return false;
    }
    case 'choose_intent': {
      if (action?.type === 'intent') {
        const intent = catalog.get(action.intent);
        if (intent) { await actOnIntent(turn, intent, pending.text); return true; }
      }
      if (action?.type === 'none' || yesNo === 'no') { handleMiss(turn, { outOfScope: false }); return true; }
      return false;
    }
    case 'ask_impact': {
      const intent = catalog.get(pending.intent) ?? null;
      // A button's label typed out counts as pressing it, so typing and clicking give the same priority.
      const level = action?.type === 'impact' ? action.level : !action ? typedImpactLabel(turn.text) : null;
      const answered = level ? impactAnswers[level] : null;
      // A typed answer is short and names no new problem: "just me", "can't work at all". A confident other intent
      // ("wifi is down in the whole building") is a new message, not an answer.
      const newIssue = understanding.intent !== null && understanding.intent !== pending.intent
        && (understanding.kind === 'incident' || understanding.kind === 'service_request')
        && understanding.confidence >= turn.services.thresholds.act;
      const typed = !action && !answered && !newIssue && turn.text.split(/\s+/).length <= shortAnswerWords;
      if (!answered && !typed) return false;
      const impact = answered?.impact ?? understanding.impact ?? intent?.defaultImpact ?? 3;
      const urgency = answered?.urgency ?? understanding.urgency ?? intent?.defaultUrgency ?? 3;
      const text = typed ? `${pending.text}\n${turn.text}` : pending.text;
      await openTicketAndReply(turn, { kind: 'incident', intent, text, impact, urgency, suggestArticles: true });
      turn.summary.kind = 'incident';
      turn.summary.intent = intent?.name ?? null;
      return true;
    }
    case 'kb_feedback': {
      if (!yesNo) return false;
      const intent = pending.intent ? catalog.get(pending.intent) ?? null : null;
      turn.summary.intent = intent?.name ?? null;
      if (pending.articles.length) turn.services.metrics.knowledgeAnswers.inc({ outcome: yesNo === 'yes' ? 'accepted' : 'rejected' });
      if (yesNo === 'yes' && pending.articles.length) {
        turn.state.pending = undefined;
        turn.replies.push({ text: say.kbAccepted });
        return true;
      }
      if (yesNo === 'no' && !pending.articles.length) {
        turn.state.pending = undefined;
        turn.replies.push({ text: say.declinedTicket });
        return true;
      }
      // "No, it did not help" after articles, or "yes, open one" when none were found: log it.
      const kind = intent?.kind === 'incident' ? 'incident' : 'service_request';
      turn.summary.kind = kind;
      const escalation = intent?.agentOnly ? 'requested_human' as const : undefined;
      await openTicketAndReply(turn, { kind, intent, text: pending.text, impact: intent?.defaultImpact ?? 3, urgency: intent?.defaultUrgency ?? 3, escalation });
      return true;
    }
    case 'rating': {
      const typed = !action && /^\s*([1-5])\s*(\/\s*5|stars?)?\s*$/i.exec(turn.text);
      const score = action?.type === 'rate' ? action.score : typed ? Number(typed[1]) : null;
      if (!score) return false;
      await turn.db.$executeRaw`UPDATE "Ticket" SET "satisfaction" = ${score}, "updatedAt" = now() WHERE "number" = ${pending.ticket} AND "requesterId" = ${turn.employee.id}`;
      turn.state.pending = undefined;
      turn.summary.kind = 'ticket_status';
      turn.replies.push({ text: say.rated(score) });
      return true;
    }
    case 'request_form':
      return answerRequestForm(turn, pending, action, understanding);
    case 'offer_help': {
      const wantsHuman = action?.type === 'human';
      if (!wantsHuman && action?.type !== 'open_ticket' && yesNo !== 'yes') return false;
      turn.summary.kind = 'service_request';
      await openTicketAndReply(turn, {
        kind: 'service_request', intent: null, text: pending.text, impact: 3, urgency: 3,
        escalation: wantsHuman ? 'requested_human' : 'understanding_failed',
      });
      return true;
    }
  }
}

/** The impact level whose button label the text repeats (case, apostrophes and end punctuation aside), if any. */
function typedImpactLabel(text: string): keyof typeof impactAnswers | null {
  const plain = (t: string) => t.toLowerCase().replace(/[\u2019']/g, "'").replace(/[.!\s]+$/, '').replace(/\s+/g, ' ').trim();
  const typed = plain(text);
  const match = buttons.impact().find((choice) => plain(choice.label) === typed);
  if (!match) return null;
  const level = (Object.keys(impactAnswers) as Array<keyof typeof impactAnswers>).find((l) => choiceValue({ type: 'impact', level: l }) === match.value);
  return level ?? null;
}
