import type { Logger } from 'pino';
import type { Db, PrismaClient } from '../db/client.js';
import type { Escalation } from '../generated/prisma/client.js';
import { DeskbotError } from '../core/errors.js';
import { changeTicketStatus } from '../tickets/change-status.js';
import { hashAgentToken, toAgentRef } from './create-agent.js';
import { agentForChannelUser, escalationIdForPost } from './agent-for-channel-user.js';
import { buildEscalationViews } from './escalation-view.js';
import { alreadyResolved } from './already-resolved.js';
import { resolveEscalation } from './resolve-escalation.js';
import { sendToConversation, type ChannelLookup } from './send-to-employee.js';
import { deliverConversationNotices, deliverNoticesInOrder } from '../notices/deliver-conversation-notices.js';
import { readDirectSendTarget } from '../notices/read-direct-send-target.js';
import { escalationNoticeIds, writeEmployeeNotice } from '../notices/write-employee-notice.js';
import type { AgentDesk, AgentRef, EscalationView } from './types.js';

/** What the desk needs: the database, the channel adapters that reach employees, a logger and a clock. */
export interface AgentDeskDeps {
  prisma: PrismaClient;
  channels: ChannelLookup;
  logger: Logger;
  clock?: () => Date;
}

/** Most open escalations one listing returns. */
const listLimit = 200;

/**
 * The agent desk over PostgreSQL (see {@link AgentDesk}). An agent sees the escalations of their assignment groups
 * (every group when they have none; escalations without a group are shown to everyone); others are `not_found`.
 * Claiming is one conditional UPDATE, so of concurrent claims exactly one wins.
 * What the employee is told on claim, release and resolve is an EmployeeNotice written with the change (sent at once,
 * retried by the escalation worker); an agent's message is sent directly, after any of those notices still unsent.
 */
export function createAgentDesk(deps: AgentDeskDeps): AgentDesk {
  const db: Db = deps.prisma;
  const clock = deps.clock ?? (() => new Date());
  const view = async (row: Escalation): Promise<EscalationView> => {
    const [v] = await buildEscalationViews(db, [row]);
    if (!v) throw new DeskbotError('not_found', `escalation ${row.id} has no ticket or conversation any more`);
    return v;
  };
  const visible = (agent: AgentRef, id: string) => db.escalation.findFirst({ where: { id, ...groupFilter(agent) } });
  const owned = async (agent: AgentRef, id: string): Promise<Escalation> => {
    const row = await visible(agent, id);
    if (!row) throw new DeskbotError('not_found', `escalation ${id} not found`);
    if (row.status === 'resolved') throw alreadyResolved(id);
    if (row.claimedById !== agent.id) throw new DeskbotError('forbidden', `escalation ${id} is not claimed by you`);
    return row;
  };
  // Send the notices just committed now rather than at the worker's next turn; a failure is the worker's to retry.
  const tellEmployee = (conversationId: string) =>
    deliverConversationNotices(deps.prisma, deps.channels, conversationId)
      .catch((err) => deps.logger.warn({ err, conversationId }, 'could not tell the employee yet; the worker retries'));

  return {
    async authenticate(token) {
      if (!token) return null;
      const row = await db.agent.findUnique({ where: { tokenHash: hashAgentToken(token) } });
      return row ? toAgentRef(row) : null;
    },
    async listOpen(agent) {
      const rows = await db.escalation.findMany({
        where: { status: { not: 'resolved' }, ...groupFilter(agent) }, orderBy: { createdAt: 'desc' }, take: listLimit,
      });
      return buildEscalationViews(db, rows);
    },
    async get(agent, id) {
      const row = await visible(agent, id);
      return row ? (await buildEscalationViews(db, [row]))[0] ?? null : null;
    },
    async claim(agent, id) {
      const row = await visible(agent, id);
      if (!row) throw new DeskbotError('not_found', `escalation ${id} not found`);
      if (row.status === 'resolved') throw alreadyResolved(id);
      const now = clock();
      const ticket = await deps.prisma.$transaction(async (transaction) => {
        const tx = transaction as unknown as Db;
        const won = await tx.$queryRaw<Array<{ syncVersion: number }>>`
          UPDATE "Escalation" SET "status" = 'claimed', "claimedById" = ${agent.id}, "claimedAt" = ${now}, "updatedAt" = ${now},
            "syncVersion" = "syncVersion" + 1
          WHERE "id" = ${id} AND "status" IN ('posted', 'queued', 'pending') AND "claimedById" IS NULL RETURNING "syncVersion"`;
        return won[0] ? { number: await recordClaim(tx, row, agent, now, won[0].syncVersion) } : undefined;
      });
      if (ticket) await onClaimed(row, agent, ticket.number);
      return { claimed: ticket !== undefined, escalation: await view(await db.escalation.findUniqueOrThrow({ where: { id } })) };
    },
    async sendMessage(agent, id, text) {
      const body = text.trim();
      if (!body) throw new DeskbotError('bad_request', 'The message is empty.');
      if (body.length > 4000) throw new DeskbotError('bad_request', 'The message is longer than 4,000 characters.');
      const row = await owned(agent, id);
      // "… has picked up INC…" (or any other notice still unsent) first, or the agent's message would overtake it; the
      // look-up of those notices rides on the conversation's, which the send needs anyway.
      const target = await readDirectSendTarget(db, row.conversationId);
      await deliverNoticesInOrder(db, deps.channels, target.unsentNoticeIds);
      await db.escalationMessage.create({ data: { escalationId: id, author: 'agent', agentId: agent.id, text: body, createdAt: clock() } });
      await sendToConversation(deps.channels, row.conversationId, target.conversation, [{ text: `${agent.name}: ${body}`, format: 'plain' }]);
    },
    async resolve(agent, id, note) {
      const row = await owned(agent, id);
      await resolveEscalation({ prisma: deps.prisma, channels: deps.channels, logger: deps.logger }, row, agent, clock(), note?.trim() || undefined);
    },
    async release(agent, id) {
      const row = await owned(agent, id);
      const now = clock();
      await deps.prisma.$transaction(async (transaction) => {
        const tx = transaction as unknown as Db;
        const released = await tx.$queryRaw<Array<{ syncVersion: number }>>`
          UPDATE "Escalation" SET "status" = 'posted', "claimedById" = NULL, "claimedAt" = NULL, "updatedAt" = ${now}, "syncVersion" = "syncVersion" + 1
          WHERE "id" = ${id} AND "status" = 'claimed' AND "claimedById" = ${agent.id} RETURNING "syncVersion"`;
        if (!released[0]) throw new DeskbotError('forbidden', `escalation ${id} is not claimed by you`);
        await tx.escalationMessage.create({ data: { escalationId: id, author: 'system', agentId: agent.id, text: `${agent.name} handed this back to the queue.`, createdAt: now } });
        await writeEmployeeNotice(tx, {
          id: escalationNoticeIds.release(id, released[0].syncVersion), kind: 'release', conversationId: row.conversationId,
          replies: [{ text: 'Your request is back in the queue; the next available agent will pick it up here.' }],
        });
      });
      await tellEmployee(row.conversationId);
    },
    async setStatus(agent, status) {
      if (status !== 'available' && status !== 'away') throw new DeskbotError('bad_request', `Unknown status ${String(status)}.`);
      await db.agent.update({ where: { id: agent.id }, data: { status } });
    },
    agentForChannelUser: (user) => agentForChannelUser(db, user),
    escalationIdForPost: (channel, externalRef) => escalationIdForPost(db, channel, externalRef),
  };

  /** After a won claim commits: the ticket in progress, then the employee told. */
  async function onClaimed(row: Escalation, agent: AgentRef, ticketNumber: string | null): Promise<void> {
    // The first move to in_progress records the SLA's first response.
    if (ticketNumber) {
      await changeTicketStatus(db, ticketNumber, 'in_progress', `agent:${agent.id}`).catch((err) => deps.logger.warn({ err, ticket: ticketNumber }, 'could not set the ticket in progress'));
    }
    await tellEmployee(row.conversationId);
  }
}

/**
 * In the claim's transaction: the system line in the escalation's history and the "picked up" notice to the employee
 * (`notice-claim-<escalation id>-<sync version>`, one per claim).
 * @returns the ticket's number, null when the ticket is gone (nothing to tell the employee about)
 */
async function recordClaim(tx: Db, row: Escalation, agent: AgentRef, now: Date, version: number): Promise<string | null> {
  await tx.escalationMessage.create({ data: { escalationId: row.id, author: 'system', agentId: agent.id, text: `${agent.name} claimed this.`, createdAt: now } });
  const ticket = await tx.ticket.findUnique({ where: { id: row.ticketId }, select: { number: true } });
  if (!ticket) return null;
  await writeEmployeeNotice(tx, {
    id: escalationNoticeIds.claim(row.id, version), kind: 'claim', conversationId: row.conversationId, ticketNumber: ticket.number,
    replies: [{ text: `${agent.name} from the service desk has picked up ${ticket.number} and will reply here.` }],
  });
  return ticket.number;
}

function groupFilter(agent: AgentRef) {
  return agent.groups.length ? { OR: [{ assignmentGroup: { in: agent.groups } }, { assignmentGroup: null }] } : {};
}
