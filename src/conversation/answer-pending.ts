import type { Understanding } from '../classification/types.js';
import type { ChoiceAction } from './choice-values.js';
import { typedYesNo } from './choice-values.js';
import type { Pending } from './dialog-state.js';
import { actOnIntent } from './act-on-intent.js';
import { answerImpactChange } from './answer-impact-change.js';
import { answerImpactQuestion } from './answer-impact-question.js';
import { answerRequestForm } from './answer-request-form.js';
import { handleMiss } from './handle-miss.js';
import { openTicketAndReply } from './open-ticket-reply.js';
import type { Turn } from './turn.js';
import { say } from './wording.js';

/**
 * Try to read the message as the answer to what deskbot asked. Returns false when it is not an answer (a new topic),
 * so the caller handles it as a fresh message. When it is, `turn.summary.answered` names the question — except for the
 * impact question, whose handler sets it only for a reply it could read (answer-impact-question.ts).
 */
export async function answerPending(turn: Turn, pending: Pending, action: ChoiceAction | null, understanding: Understanding): Promise<boolean> {
  const answered = await readAnswer(turn, pending, action, understanding);
  if (answered && pending.type !== 'ask_impact') turn.summary.answered = pending.type;
  return answered;
}

async function readAnswer(turn: Turn, pending: Pending, action: ChoiceAction | null, understanding: Understanding): Promise<boolean> {
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
    case 'ask_impact':
      return answerImpactQuestion(turn, pending, action, understanding);
    case 'change_impact':
      return answerImpactChange(turn, pending, action, understanding);
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
