import type { Logger } from 'pino';
import type { PrismaClient } from '../db/client.js';
import type { ChannelName } from '../core/message.js';
import type { Reply } from '../core/reply.js';
import type { ChannelLookup } from '../agent-desk/send-to-employee.js';
import { defaultJobOptions } from '../escalation/escalation-jobs.js';
import { deliverPendingNotices } from '../notices/deliver-pending-notices.js';
import { noticeIdForTicket, writeEmployeeNotice } from '../notices/write-employee-notice.js';
import { parseDialogState, type DialogState, type UnticketedIncident } from './dialog-state.js';
import { openUnansweredIncident } from './open-unanswered-incident.js';
import type { Turn, TurnServices } from './turn.js';

/** What the sweep needs. */
export interface PendingIncidentSweepDeps {
  prisma: PrismaClient;
  services: () => TurnServices;
  /** Channel adapters, to tell the employee proactively (the path agent replies and escalation notices take). */
  channels: ChannelLookup;
  /**
   * True when the escalation relay and worker deliver the notices (Redis configured): the sweep only writes them.
   * False (default): the sweep delivers pending notices itself after each sweep, one attempt per sweep.
   */
  queued?: boolean;
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
  /** The EmployeeNotice written for the employee (delivered by the worker, or by the sweep when not `queued`). */
  noticeId: string;
  /** True when this sweep delivered the notice itself; false when it is queued or its send failed (retried later). */
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
 * The notice is an EmployeeNotice written in the same transaction (transactional outbox, id from the first ticket), so
 * a crash after commit cannot lose it: the escalation worker sends it with retries, or (not `queued`) this sweep does.
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
      if (done) swept.push({ conversationId: id, ...done, sent: false });
    } catch (err) {
      deps.logger.warn({ err, conversationId: id }, 'could not open an unanswered incident; the next sweep tries again');
    }
  }
  if (deps.queued) return swept;
  // No queue: deliver here, this sweep's notices and those whose earlier attempts failed (or whose sweep crashed).
  const delivered = await deliverPendingNotices(deps.prisma, deps.channels, deps.logger, defaultJobOptions.attempts ?? 8)
    .catch((err: unknown) => { deps.logger.warn({ err }, 'could not deliver pending notices; the next sweep tries again'); return new Set<string>(); });
  return swept.map((s) => ({ ...s, sent: delivered.has(s.noticeId) }));
}

async function sweepConversation(
  db: PrismaClient, services: TurnServices, conversationId: string, now: Date, cutoff: Date,
): Promise<{ tickets: string[]; replies: Reply[]; noticeId: string } | null> {
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
  const opened: string[] = [];
  for (const [i, incident] of due.entries()) {
    // The employee's next reply can change the last one, unless deskbot is waiting for something else from them.
    const offerChange = i === due.length - 1 && !next.pending;
    const { number, replies: told } = await openUnansweredIncident(turn, incident, 'timeout', offerChange);
    replies.push(...told);
    if (number) opened.push(number);
    if (offerChange && number) next.pending = { type: 'change_impact', ticket: number, intent: incident.intent };
  }
  const tickets = replies.flatMap((r) => r.tickets ?? []).map((t) => t.number);
  let noticeId = '';
  if (replies.length && opened[0]) {
    const first = await db.ticket.findUniqueOrThrow({ where: { number: opened[0] }, select: { id: true } });
    noticeId = noticeIdForTicket(first.id);
    await writeEmployeeNotice(db, { id: noticeId, kind: 'pending_incident', conversationId, ticketNumber: opened[0], replies });
  }
  if (replies.length) {
    await db.message.createMany({
      data: replies.map((r, i) => ({ conversationId, direction: 'outbound' as const, text: r.text, payload: JSON.parse(JSON.stringify(r)), createdAt: new Date(now.getTime() + i) })),
    });
  }
  // Not "updatedAt": the conversation was not active, and "updatedAt" stands in for the age of stored incidents without `since`.
  await db.$executeRaw`UPDATE "Conversation" SET "state" = ${JSON.stringify(next)}::jsonb WHERE "id" = ${conversationId}`;
  return replies.length ? { tickets, replies, noticeId } : null;
}
