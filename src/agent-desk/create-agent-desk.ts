import type { Logger } from 'pino';
import type { Db, PrismaClient } from '../db/client.js';
import type { Escalation } from '../generated/prisma/client.js';
import { DeskbotError } from '../core/errors.js';
import { changeTicketStatus } from '../tickets/change-status.js';
import { hashAgentToken, toAgentRef } from './create-agent.js';
import { agentForChannelUser, escalationIdForPost } from './agent-for-channel-user.js';
import { buildEscalationViews } from './escalation-view.js';
import { resolveEscalation } from './resolve-escalation.js';
import { sendToEmployee, type ChannelLookup } from './send-to-employee.js';
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
    if (row.status === 'resolved') throw new DeskbotError('bad_request', `escalation ${id} is already resolved`);
    if (row.claimedById !== agent.id) throw new DeskbotError('forbidden', `escalation ${id} is not claimed by you`);
    return row;
  };
  const tellEmployee = (conversationId: string, text: string) =>
    sendToEmployee(db, deps.channels, conversationId, [{ text }]).catch((err) => deps.logger.warn({ err, conversationId }, 'could not tell the employee'));

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
      if (row.status === 'resolved') throw new DeskbotError('bad_request', `escalation ${id} is already resolved`);
      const now = clock();
      const won = await db.$executeRaw`
        UPDATE "Escalation" SET "status" = 'claimed', "claimedById" = ${agent.id}, "claimedAt" = ${now}, "updatedAt" = ${now},
          "syncVersion" = "syncVersion" + 1
        WHERE "id" = ${id} AND "status" IN ('posted', 'queued', 'pending') AND "claimedById" IS NULL`;
      if (won === 1) await onClaimed(row, agent, now);
      return { claimed: won === 1, escalation: await view(await db.escalation.findUniqueOrThrow({ where: { id } })) };
    },
    async sendMessage(agent, id, text) {
      const body = text.trim();
      if (!body) throw new DeskbotError('bad_request', 'The message is empty.');
      if (body.length > 4000) throw new DeskbotError('bad_request', 'The message is longer than 4,000 characters.');
      const row = await owned(agent, id);
      await db.escalationMessage.create({ data: { escalationId: id, author: 'agent', agentId: agent.id, text: body, createdAt: clock() } });
      await sendToEmployee(db, deps.channels, row.conversationId, [{ text: `${agent.name}: ${body}`, format: 'plain' }]);
    },
    async resolve(agent, id, note) {
      const row = await owned(agent, id);
      await resolveEscalation({ prisma: deps.prisma, channels: deps.channels, logger: deps.logger }, row, agent, clock(), note?.trim() || undefined);
    },
    async release(agent, id) {
      const row = await owned(agent, id);
      const now = clock();
      const { count } = await db.escalation.updateMany({
        where: { id, status: 'claimed', claimedById: agent.id },
        data: { status: 'posted', claimedById: null, claimedAt: null, updatedAt: now, syncVersion: { increment: 1 } },
      });
      if (!count) throw new DeskbotError('forbidden', `escalation ${id} is not claimed by you`);
      await db.escalationMessage.create({ data: { escalationId: id, author: 'system', agentId: agent.id, text: `${agent.name} handed this back to the queue.`, createdAt: now } });
      await tellEmployee(row.conversationId, 'Your request is back in the queue; the next available agent will pick it up here.');
    },
    async setStatus(agent, status) {
      if (status !== 'available' && status !== 'away') throw new DeskbotError('bad_request', `Unknown status ${String(status)}.`);
      await db.agent.update({ where: { id: agent.id }, data: { status } });
    },
    agentForChannelUser: (user) => agentForChannelUser(db, user),
    escalationIdForPost: (channel, externalRef) => escalationIdForPost(db, channel, externalRef),
  };

  async function onClaimed(row: Escalation, agent: AgentRef, now: Date): Promise<void> {
    await db.escalationMessage.create({ data: { escalationId: row.id, author: 'system', agentId: agent.id, text: `${agent.name} claimed this.`, createdAt: now } });
    const ticket = await db.ticket.findUnique({ where: { id: row.ticketId }, select: { number: true } });
    if (!ticket) return;
    // The first move to in_progress records the SLA's first response.
    await changeTicketStatus(db, ticket.number, 'in_progress', `agent:${agent.id}`).catch((err) => deps.logger.warn({ err, ticket: ticket.number }, 'could not set the ticket in progress'));
    await tellEmployee(row.conversationId, `${agent.name} from the service desk has picked up ${ticket.number} and will reply here.`);
  }
}

function groupFilter(agent: AgentRef) {
  return agent.groups.length ? { OR: [{ assignmentGroup: { in: agent.groups } }, { assignmentGroup: null }] } : {};
}
