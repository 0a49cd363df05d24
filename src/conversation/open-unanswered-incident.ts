import { createHash } from 'node:crypto';
import { inferImpactUrgency } from '../classification/infer-impact-urgency.js';
import type { Reply } from '../core/reply.js';
import type { Level } from '../tickets/priority-matrix.js';
import type { UnticketedIncident } from './dialog-state.js';
import { openTicketAndReply, ticketTitle } from './open-ticket-reply.js';
import type { Turn } from './turn.js';
import { buttons, say } from './wording.js';

/** Why an incident is opened without its impact answer: nobody answered in time, or too many were parked. */
export type UnansweredReason = 'timeout' | 'too_many_parked';

/** The catalogue's impact and urgency for an incident whose intent is gone (retrained away) and whose words say nothing. */
const catalogueDefault: { impact: Level; urgency: Level } = { impact: 3, urgency: 3 };

/** An incident's impact and urgency when nobody said them: its intent's defaults, or the catalogue's (3/3). */
export function incidentDefaults(intent: { defaultImpact: Level; defaultUrgency: Level } | null): { impact: Level; urgency: Level } {
  return intent ? { impact: intent.defaultImpact, urgency: intent.defaultUrgency } : catalogueDefault;
}

/**
 * Ticket key of an unanswered incident, derived from its conversation and its id (or, for state stored before ids,
 * from its words), so a retried sweep, a second instance or a crash between steps can never open it twice.
 */
export function unansweredIncidentKey(conversationId: string, incident: UnticketedIncident): string {
  return incidentIdKey(conversationId, incident.id ?? createHash('sha256').update(`${incident.intent}\n${incident.text}`).digest('hex').slice(0, 32));
}

/** The ticket key of the reported incident with this id in this conversation (see {@link unansweredIncidentKey}). */
export function incidentIdKey(conversationId: string, incidentId: string): string {
  return `pending:${conversationId}:${incidentId}`;
}

/**
 * Open a reported incident whose impact question went unanswered (ITIL: every incident is logged), at its intent's
 * default impact and urgency unless the original words carry cues ("urgent", "the whole floor"). Runs on a scratch
 * turn with its own ticket key, so the caller's dialog state, summary and ticket key are untouched.
 * @param turn the turn (or sweep) context: database transaction, services, employee, conversation, clock
 * @param offerChange the employee's next reply may change the impact (the caller sets the `change_impact` pending):
 *   the notice asks for it, with the impact buttons; otherwise it points to an agent
 * @returns the ticket number and the replies telling the employee; no number and no replies when a ticket for this
 *   incident already exists
 */
export async function openUnansweredIncident(
  turn: Turn, incident: UnticketedIncident, reason: UnansweredReason, offerChange = false,
): Promise<{ number?: string; replies: Reply[] }> {
  const intent = turn.services.catalog.get(incident.intent) ?? null;
  const defaults = incidentDefaults(intent);
  const cues = inferImpactUrgency(incident.text);
  const levels = { impact: cues.impact ?? defaults.impact, urgency: cues.urgency ?? defaults.urgency };
  const { number, replies } = await openUnticketedIncident(turn, incident, levels);
  if (!number) return { replies: [] };
  const notice = say.unansweredLogged(reason, number, ticketTitle(incident.text, intent?.description || 'IT incident'), levels.impact, levels.urgency, offerChange);
  // The ticket's own reply (number, priority, SLA times, card) first, then what happened and what the employee can do.
  return { number, replies: [...replies, offerChange ? { text: notice, choices: buttons.impact(number) } : { text: notice }] };
}

/**
 * Open a reported incident that has no ticket yet, at the given levels, on its own ticket key
 * ({@link unansweredIncidentKey}) and a scratch turn, so the caller's dialog state, summary and ticket key are untouched.
 * @returns the ticket number and the ticket's replies; neither when a ticket for this incident already exists
 */
export async function openUnticketedIncident(
  turn: Turn, incident: UnticketedIncident, levels: { impact: Level; urgency: Level },
): Promise<{ number?: string; replies: Reply[] }> {
  const eventKey = unansweredIncidentKey(turn.conversationId, incident);
  if (await turn.db.ticket.findUnique({ where: { sourceEventKey: eventKey }, select: { id: true } })) return { replies: [] };
  const intent = turn.services.catalog.get(incident.intent) ?? null;
  const scratch: Turn = { ...turn, eventKey, state: { misses: 0 }, replies: [], summary: { kind: 'incident', intent: intent?.name ?? null, confidence: 0 } };
  await openTicketAndReply(scratch, { kind: 'incident', intent, text: incident.text, ...levels, suggestArticles: false });
  return scratch.summary.ticket ? { number: scratch.summary.ticket, replies: scratch.replies } : { replies: [] };
}
