import type { Logger } from 'pino';
import type { PrismaClient } from '../db/client.js';
import type { ChannelLookup } from '../agent-desk/send-to-employee.js';
import { deliverEmployeeNotice, markNoticeFailed, NoticeBusyError } from './deliver-employee-notice.js';

/**
 * Deliver pending employee notices in this process, for a deskbot without Redis (no queue, no worker): each call is
 * one attempt per notice, so calling it on a timer (the pending-incident sweep does) retries. A notice that failed
 * `maxAttempts` times is marked `failed` and logged as an error. A notice behind an older unsent one of its conversation
 * waits for a later call.
 * @returns the ids of the notices sent by this call
 */
export async function deliverPendingNotices(
  prisma: PrismaClient, channels: ChannelLookup, logger: Logger, maxAttempts: number, batch = 100,
): Promise<Set<string>> {
  const rows = await prisma.employeeNotice.findMany({ where: { status: 'pending' }, orderBy: { createdAt: 'asc' }, take: batch, select: { id: true } });
  const sent = new Set<string>();
  for (const { id } of rows) {
    try {
      if ((await deliverEmployeeNotice(prisma, channels, id)) === 'sent') sent.add(id);
    } catch (err) {
      // Sent elsewhere right now, or behind an older notice that failed: not an attempt of this one.
      if (err instanceof NoticeBusyError) continue;
      const row = await prisma.employeeNotice.findUnique({ where: { id }, select: { attempts: true, conversationId: true } });
      if (row && row.attempts >= maxAttempts && (await markNoticeFailed(prisma, id, err instanceof Error ? err.message : String(err)))) {
        logger.error({ err, noticeId: id, conversationId: row.conversationId, attempts: row.attempts }, 'gave up telling the employee; the notice is marked failed');
      } else {
        logger.warn({ err, noticeId: id }, 'could not tell the employee; the next sweep tries again');
      }
    }
  }
  return sent;
}
