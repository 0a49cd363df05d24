import type { Logger } from 'pino';
import type { PrismaClient } from '../db/client.js';
import type { ChannelName } from '../core/message.js';
import type { Reply } from '../core/reply.js';
import { sendToEmployee, type ChannelLookup } from '../agent-desk/send-to-employee.js';
import { parseDialogState, type DialogState, type UnticketedIncident } from './dialog-state.js';
import { openUnansweredIncident } from './open-unanswered-incident.js';
import type { Turn, TurnServices } from './turn.js';

/** What the sweep needs. */
export interface PendingIncidentSweepDeps {
  prisma: PrismaClient;
  services: () => TurnServices;
  /** Channel adapters, to tell the employee proactively (the path agent replies and escalation notices take). */
  channels: ChannelLookup;
  logger: Logger;
  /** How long a reported incident may wait for its impact answer, in minutes (PENDING_INCIDENT_MINUTES). */
  minutes: number;
  clock?: () => Date;
  /** Conversations looked at per sweep (default 100); the rest wait for the next sweep. */
  batch?: number;
}

/** One conversation's incidents opened by the sweep, and what the employee was told. */
export interface SweptConversation {
  conversationId: string;
  tickets: string[];
  replies: Reply[];
  /** False when the channel could not be reached; the tickets are logged and the notice is in the transcript anyway. */
  sent: boolean;
}

/**
 * Open every reported incident that waited longer than `minutes` for its impact answer, pending or parked, at its
 * intent's defaults (ITIL: every incident is logged), and tell the employee on their channel.
 *
 * Safe on any number of instances at once: each conversation is handled in its own transaction holding its row lock,
 * taken with SKIP LOCKED, the same lock a turn takes. A conversation mid-turn (or being swept elsewhere) is skipped
 * until the next sweep; after the lock the state is re-read, so an answer that committed first leaves nothing to open.
 * Ticket keys derive from conversation and incident id, so no incident is ever opened twice.
 * The notice is sent after commit; a failed send is logged, not retried (the ticket and transcript stand).
 * @returns the conversations in which incidents were opened
 */
export async function sweepPendingIncidents(deps: PendingIncidentSweepDeps): Promise<SweptConversation[]> {
  const now = (deps.clock ?? (() => new Date()))();
  const cutoff = new Date(now.getTime() - deps.minutes * 60_000);
  // Timestamps compared as UTC wall times (Prisma stores "updatedAt" as timestamp without time zone, in UTC).
  const candidates = await deps.prisma.$queryRaw<Array<{ id: string }>>`
    SELECT c."id" FROM "Conversation" c
    WHERE (c."state"->'pending'->>'type' = 'ask_impact'
           AND COALESCE((c."state"->'pending'->>'since')::timestamp, c."updatedAt") <= ${cutoff.toISOString()}::timestamp)
       OR (jsonb_typeof(c."state"->'parked') = 'array' AND EXISTS (
             SELECT 1 FROM jsonb_array_elements(c."state"->'parked') p
             WHERE COALESCE((p->>'since')::timestamp, c."updatedAt") <= ${cutoff.toISOString()}::timestamp))
    LIMIT ${deps.batch ?? 100}`;
  const swept: SweptConversation[] = [];
  for (const { id } of candidates) {
    try {
      const done = await deps.prisma.$transaction((tx) => sweepConversation(tx as unknown as PrismaClient, deps.services(), id, now, cutoff));
      if (!done) continue;
      const sent = await sendToEmployee(deps.prisma, deps.channels, id, done.replies).then(() => true, (err: unknown) => {
        deps.logger.warn({ err, conversationId: id, tickets: done.tickets }, 'logged an unanswered incident but could not tell the employee');
        return false;
      });
      swept.push({ conversationId: id, ...done, sent });
    } catch (err) {
      deps.logger.warn({ err, conversationId: id }, 'could not open an unanswered incident; the next sweep tries again');
    }
  }
  return swept;
}

async function sweepConversation(
  db: PrismaClient, services: TurnServices, conversationId: string, now: Date, cutoff: Date,
): Promise<{ tickets: string[]; replies: Reply[] } | null> {
  const [row] = await db.$queryRaw<Array<{ state: unknown; channel: ChannelName; employeeId: string; updatedAt: Date }>>`
    SELECT "state", "channel"::text AS "channel", "employeeId", "updatedAt" FROM "Conversation" WHERE "id" = ${conversationId}
    FOR UPDATE SKIP LOCKED`;
  if (!row) return null;
  const state = parseDialogState(row.state);
  const expired = (incident: UnticketedIncident) => (incident.since ? new Date(incident.since) : row.updatedAt) <= cutoff;
  const due: UnticketedIncident[] = [];
  const next: DialogState = { ...state };
  if (state.pending?.type === 'ask_impact' && expired(state.pending)) {
    due.push(state.pending);
    next.pending = undefined;
  }
  const waiting = state.parked ?? [];
  due.push(...waiting.filter(expired));
  next.parked = waiting.filter((p) => !expired(p));
  if (!next.parked.length) next.parked = undefined;
  if (!due.length) return null;

  const employee = await db.employee.findUniqueOrThrow({ where: { id: row.employeeId }, select: { id: true, displayName: true, email: true, verified: true } });
  const turn: Turn = {
    db, services, channel: row.channel, employee, conversationId, text: '', state: next, eventKey: '', now, replies: [],
    summary: { kind: 'incident', intent: null, confidence: 0 },
  };
  const replies: Reply[] = [];
  for (const [i, incident] of due.entries()) {
    // The employee's next reply can change the last one, unless deskbot is waiting for something else from them.
    const offerChange = i === due.length - 1 && !next.pending;
    const opened = await openUnansweredIncident(turn, incident, 'timeout', offerChange);
    replies.push(...opened.replies);
    if (offerChange && opened.number) next.pending = { type: 'change_impact', ticket: opened.number, intent: incident.intent };
  }
  const tickets = replies.flatMap((r) => r.tickets ?? []).map((t) => t.number);
  if (replies.length) {
    await db.message.createMany({
      data: replies.map((r, i) => ({ conversationId, direction: 'outbound' as const, text: r.text, payload: JSON.parse(JSON.stringify(r)), createdAt: new Date(now.getTime() + i) })),
    });
  }
  // Not "updatedAt": the conversation was not active, and "updatedAt" stands in for the age of stored incidents without `since`.
  await db.$executeRaw`UPDATE "Conversation" SET "state" = ${JSON.stringify(next)}::jsonb WHERE "id" = ${conversationId}`;
  return replies.length ? { tickets, replies } : null;
}
