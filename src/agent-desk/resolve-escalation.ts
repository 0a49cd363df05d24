import type { Logger } from 'pino';
import type { Db, PrismaClient } from '../db/client.js';
import type { Escalation } from '../generated/prisma/client.js';
import type { Reply } from '../core/reply.js';
import { DeskbotError } from '../core/errors.js';
import { askForRating } from '../conversation/ask-for-rating.js';
import { changeTicketStatus } from '../tickets/change-status.js';
import { sendToEmployee, type ChannelLookup } from './send-to-employee.js';
import type { AgentRef } from './types.js';

/**
 * Close a claimed escalation in one transaction: escalation → resolved (its dedupe key freed, so the ticket can be
 * escalated again), ticket → Resolved, the conversation set to expect a 1–5 rating. Then tell the employee and ask
 * for the rating; a channel failure at that point is logged, not thrown (the resolution stands).
 * @throws DeskbotError `forbidden` when the agent no longer owns the escalation
 */
export async function resolveEscalation(
  deps: { prisma: PrismaClient; channels: ChannelLookup; logger: Logger },
  row: Escalation,
  agent: AgentRef,
  now: Date,
  note?: string,
): Promise<void> {
  const reply = await deps.prisma.$transaction(async (transaction): Promise<Reply | null> => {
    const tx = transaction as unknown as Db;
    const { count } = await tx.escalation.updateMany({
      where: { id: row.id, status: 'claimed', claimedById: agent.id },
      data: { status: 'resolved', resolvedAt: now, dedupeKey: null, updatedAt: now, syncVersion: { increment: 1 } },
    });
    if (!count) throw new DeskbotError('forbidden', `escalation ${row.id} is not claimed by you`);
    await tx.escalationMessage.create({
      data: { escalationId: row.id, author: 'system', agentId: agent.id, text: `${agent.name} resolved this${note ? `: ${note}` : '.'}`, createdAt: now },
    });
    const ticket = await tx.ticket.findUnique({ where: { id: row.ticketId }, select: { number: true } });
    if (!ticket) return null;
    await changeTicketStatus(tx, ticket.number, 'resolved', `agent:${agent.id}`, note);
    return askForRating(tx, row.conversationId, ticket.number, note);
  });
  if (!reply) return;
  await sendToEmployee(deps.prisma, deps.channels, row.conversationId, [reply])
    .catch((err) => deps.logger.warn({ err, escalationId: row.id }, 'resolved, but could not tell the employee'));
}
