import type { Logger } from 'pino';
import type { Db, PrismaClient } from '../db/client.js';
import type { Escalation } from '../generated/prisma/client.js';
import { DeskbotError } from '../core/errors.js';
import { askForRating } from '../conversation/ask-for-rating.js';
import { changeTicketStatus } from '../tickets/change-status.js';
import { deliverConversationNotices } from '../notices/deliver-conversation-notices.js';
import { escalationNoticeIds, writeEmployeeNotice } from '../notices/write-employee-notice.js';
import type { ChannelLookup } from './send-to-employee.js';
import { alreadyResolved } from './already-resolved.js';
import type { AgentRef } from './types.js';

/**
 * Close a claimed escalation in one transaction: escalation → resolved (its dedupe key freed, so the ticket can be
 * escalated again), ticket → Resolved, the conversation set to expect a 1–5 rating, and the "resolved, rate us" notice
 * written to the employee outbox (`notice-rating-<escalation id>`). It is sent right after commit (after any earlier
 * unsent notice of the conversation); a channel failure is
 * logged, not thrown (the resolution stands), and the escalation worker retries it.
 * @throws DeskbotError `conflict` when it was resolved meanwhile, `forbidden` when the agent no longer owns it
 */
export async function resolveEscalation(
  deps: { prisma: PrismaClient; channels: ChannelLookup; logger: Logger },
  row: Escalation,
  agent: AgentRef,
  now: Date,
  note?: string,
): Promise<void> {
  const noticeId = await deps.prisma.$transaction(async (transaction): Promise<string | null> => {
    const tx = transaction as unknown as Db;
    const { count } = await tx.escalation.updateMany({
      where: { id: row.id, status: 'claimed', claimedById: agent.id },
      data: { status: 'resolved', resolvedAt: now, dedupeKey: null, updatedAt: now, syncVersion: { increment: 1 } },
    });
    if (!count) {
      // Two resolves of the same escalation at once: the one that lost is a conflict, as a later resolve would be.
      const current = await tx.escalation.findUnique({ where: { id: row.id }, select: { status: true } });
      if (current?.status === 'resolved') throw alreadyResolved(row.id);
      throw new DeskbotError('forbidden', `escalation ${row.id} is not claimed by you`);
    }
    await tx.escalationMessage.create({
      data: { escalationId: row.id, author: 'system', agentId: agent.id, text: `${agent.name} resolved this${note ? `: ${note}` : '.'}`, createdAt: now },
    });
    const ticket = await tx.ticket.findUnique({ where: { id: row.ticketId }, select: { number: true } });
    if (!ticket) return null;
    await changeTicketStatus(tx, ticket.number, 'resolved', `agent:${agent.id}`, note);
    const reply = await askForRating(tx, row.conversationId, ticket.number, note);
    const id = escalationNoticeIds.rating(row.id);
    await writeEmployeeNotice(tx, { id, kind: 'rating', conversationId: row.conversationId, ticketNumber: ticket.number, replies: [reply] });
    return id;
  });
  if (!noticeId) return;
  // Sent now, behind any notice of this conversation still unsent, rather than at the worker's next turn.
  await deliverConversationNotices(deps.prisma, deps.channels, row.conversationId)
    .catch((err) => deps.logger.warn({ err, escalationId: row.id, noticeId }, 'resolved, but could not tell the employee yet; the worker retries'));
}
