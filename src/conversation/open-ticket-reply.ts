import type { IntentDefinition } from '../classification/types.js';
import { openTicket } from '../tickets/open-ticket.js';
import { priorityFor, type Level } from '../tickets/priority-matrix.js';
import { toTicketCard } from '../tickets/ticket-card.js';
import { askForDetails, describeRequest, type RequestDetail } from './request-details.js';
import type { Turn, EscalationRequest } from './turn.js';
import { formatDue, say } from './wording.js';
import { suggestArticles } from './suggest-articles.js';

/** What to log as a ticket. */
export interface TicketRequest {
  kind: 'incident' | 'service_request';
  intent: IntentDefinition | null;
  /** The employee's words (redacted), used for the title and description. */
  text: string;
  impact: Level;
  urgency: Level;
  /** Why a person should look at it now, when the employee asked or priority demands it. */
  escalation?: EscalationRequest['reason'];
  /** Offer matching articles with the ticket (incidents: something to try while waiting). */
  suggestArticles?: boolean;
  /** Details from the intent's request form; without them, an intent that has a form gets the form first. */
  details?: RequestDetail[];
}

/** Ticket titles are the first line of what the employee wrote, cut at a word boundary. */
export function ticketTitle(text: string, fallback: string): string {
  const first = text.split('\n').find((l) => l.trim())?.trim() ?? '';
  if (!first) return fallback;
  if (first.length <= 100) return first;
  const cut = first.slice(0, 100);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}

/**
 * Open the ticket (idempotent on the turn's event key), tell the employee its number, priority and SLA targets, and
 * escalate P1/P2 incidents or explicit requests for a person. A service request whose intent has a form, and no
 * details yet, gets the form instead (see request-details.ts).
 */
export async function openTicketAndReply(turn: Turn, request: TicketRequest): Promise<void> {
  if (askForDetails(turn, request)) return;
  const { intent } = request;
  const fallbackTitle = intent?.description || (request.kind === 'incident' ? 'IT incident' : 'IT service request');
  const { ticket, created } = await openTicket(turn.db, {
    kind: request.kind,
    intent: intent?.name ?? null,
    title: ticketTitle(request.text, fallbackTitle),
    description: describeRequest(request.text, request.details ?? []) || fallbackTitle,
    impact: request.impact,
    urgency: request.urgency,
    requesterId: turn.employee.id,
    conversationId: turn.conversationId,
    assignmentGroup: intent?.assignmentGroup ?? 'Service Desk',
    sourceEventKey: turn.eventKey,
    actor: 'deskbot',
    now: turn.now,
    slaPolicy: turn.services.slaPolicy,
  });
  const card = toTicketCard(ticket);
  turn.summary.ticket = ticket.number;
  turn.state.pending = undefined;
  turn.state.misses = 0;
  if (!created) {
    turn.replies.push({ text: say.ticketExists(ticket.number), tickets: [card] });
    return;
  }
  turn.services.metrics.ticketsOpened.inc({ kind: ticket.kind, priority: String(ticket.priority) });
  const text = say.ticketOpened(ticket.kind, ticket.number, ticket.priority, formatDue(ticket.responseDueAt, turn.now), formatDue(ticket.resolutionDueAt, turn.now));
  turn.replies.push({ text, tickets: [card] });

  const reason = request.escalation ?? (ticket.kind === 'incident' && priorityFor(request.impact, request.urgency) <= 2 ? 'high_priority' : undefined);
  if (reason && turn.services.escalate) {
    await turn.services.escalate(turn.db, { ticketId: ticket.id, ticketNumber: ticket.number, conversationId: turn.conversationId, reason });
  }
  if (reason === 'requested_human' || reason === 'frustration') {
    // Promise a live handover only when an agent desk is wired to receive it.
    turn.replies.push({ text: turn.services.escalate ? say.humanRequested : say.humanQueued });
  } else if (reason === 'high_priority' && turn.services.escalate) {
    turn.replies.push({ text: say.agentsAlerted(ticket.priority) });
  }

  if (request.suggestArticles) {
    const articles = suggestArticles(turn.services, request.text, intent, 2);
    if (articles.length) {
      turn.replies.push({ text: say.articlesWhileWaiting, articles });
      turn.summary.articles = articles.map((a) => a.slug);
    }
  }
}
