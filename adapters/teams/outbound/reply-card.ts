import type { ArticleCard, Choice, Reply, TicketCard } from '../../../src/core/index.js';
import { choiceKey } from '../inbound/card-action.js';
import { adaptiveCard, factSet, localTime, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import { formElements } from './form-card.js';

const statusLabels: Record<TicketCard['status'], string> = {
  new: 'New', in_progress: 'In progress', on_hold: 'On hold', resolved: 'Resolved', closed: 'Closed',
};
const priorityLabels: Record<number, string> = { 1: 'Critical', 2: 'High', 3: 'Moderate', 4: 'Low' };

/**
 * One Adaptive Card for a reply with structured parts: the text, articles (title and excerpt), tickets (number,
 * title and a FactSet of status, priority and SLA due times), a form's inputs, and the choices as Action.Submit
 * buttons whose `data` is `{ deskbot: <choice value> }` — Teams posts it back as a `message` with that `value`.
 */
export function replyCard(reply: Reply): AdaptiveCard {
  const body: CardElement[] = [textBlock(reply.text, { plain: reply.format === 'plain' })];
  for (const article of reply.articles ?? []) body.push(articleContainer(article));
  for (const ticket of reply.tickets ?? []) body.push(ticketContainer(ticket));
  const actions = (reply.choices ?? []).map(submitAction);
  if (reply.form) {
    body.push(...formElements(reply.form));
    actions.push(submitAction({ label: reply.form.submitLabel, value: reply.form.submitValue }));
  }
  return adaptiveCard(body, actions);
}

/** True when a reply needs a card rather than a plain text message. */
export function needsCard(reply: Reply): boolean {
  return Boolean(reply.choices?.length || reply.articles?.length || reply.tickets?.length || reply.form);
}

function submitAction(choice: Choice): CardElement {
  return { type: 'Action.Submit', title: choice.label, data: { [choiceKey]: choice.value } };
}

function articleContainer(article: ArticleCard): CardElement {
  return {
    type: 'Container',
    separator: true,
    items: [textBlock(article.title, { plain: true, bold: true }), textBlock(article.snippet, { plain: true, subtle: true })],
  };
}

function ticketContainer(ticket: TicketCard): CardElement {
  const kind = ticket.kind === 'incident' ? 'Incident' : 'Service request';
  return {
    type: 'Container',
    separator: true,
    items: [
      textBlock(`${kind} ${ticket.number}`, { bold: true }),
      textBlock(ticket.title, { plain: true }),
      factSet([
        ['Status', statusLabels[ticket.status] ?? ticket.status],
        ['Priority', `P${ticket.priority} · ${priorityLabels[ticket.priority] ?? ''}`.trim()],
        ['Response due', localTime(ticket.responseDueAt)],
        ['Resolution due', localTime(ticket.resolutionDueAt)],
        ['Updated', localTime(ticket.updatedAt)],
      ]),
    ],
  };
}
