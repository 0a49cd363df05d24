import type { PrismaClient } from '../db/client.js';
import type { Db } from '../db/client.js';
import type { Reply } from '../core/reply.js';
import { sendToEmployee, type ChannelLookup } from '../agent-desk/send-to-employee.js';

/** What one delivery attempt did: sent now, already sent before (a duplicate job or retry), or no such notice. */
export type NoticeDelivery = 'sent' | 'already_sent' | 'missing';

/**
 * Send one EmployeeNotice through the channel proactive-send path ({@link sendToEmployee}) and mark it sent, at most
 * once: the row is locked (FOR UPDATE NOWAIT) for the duration of the send, so a second worker, instance or duplicate
 * job delivering the same notice fails fast instead of sending too, and finds it sent on its retry. The mark commits
 * with the lock; a crash mid-send leaves the notice unsent, to be retried.
 * A failed attempt is counted (`attempts`, `lastError`) and rethrown, for the caller to retry.
 * @param timeoutMs how long the send may hold the lock (default 60 s)
 * @throws whatever the send throws (DeskbotError `channel_send_failed`, …), or {@link NoticeBusyError} while another worker holds the notice
 */
export async function deliverEmployeeNotice(prisma: PrismaClient, channels: ChannelLookup, id: string, timeoutMs = 60_000): Promise<NoticeDelivery> {
  try {
    return await prisma.$transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      const [row] = await tx.$queryRaw<Array<{ conversationId: string; replies: Reply[]; status: string }>>`
        SELECT "conversationId", "replies", "status"::text AS "status" FROM "EmployeeNotice" WHERE "id" = ${id} FOR UPDATE NOWAIT`;
      if (!row) return 'missing';
      if (row.status === 'sent') return 'already_sent';
      await sendToEmployee(tx, channels, row.conversationId, row.replies);
      await tx.$executeRaw`
        UPDATE "EmployeeNotice" SET "status" = 'sent', "sentAt" = now(), "attempts" = "attempts" + 1, "lastError" = NULL WHERE "id" = ${id}`;
      return 'sent';
    }, { timeout: timeoutMs, maxWait: timeoutMs });
  } catch (err) {
    if (!isLockBusy(err)) {
      const message = err instanceof Error ? err.message : String(err);
      await prisma.$executeRaw`UPDATE "EmployeeNotice" SET "attempts" = "attempts" + 1, "lastError" = ${message.slice(0, 500)} WHERE "id" = ${id}`;
    }
    throw isLockBusy(err) ? new NoticeBusyError(id) : err;
  }
}

/** Another worker, instance or caller is sending this notice right now (it holds the row lock). */
export class NoticeBusyError extends Error {
  constructor(readonly noticeId: string) {
    super(`notice ${noticeId} is being delivered elsewhere`);
    this.name = 'NoticeBusyError';
  }
}

/**
 * Mark a notice whose every attempt failed as `failed` (it stays in the table, and its job in the queue dashboard).
 * @returns true when the notice was still unsent
 */
export async function markNoticeFailed(db: Db, id: string, error: string): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "EmployeeNotice" SET "status" = 'failed', "lastError" = ${error.slice(0, 500)} WHERE "id" = ${id} AND "status" <> 'sent'`;
  return count > 0;
}

// PostgreSQL 55P03 lock_not_available, as the pg driver adapter reports it.
function isLockBusy(err: unknown): boolean {
  const text = `${(err as { code?: unknown })?.code ?? ''} ${err instanceof Error ? err.message : ''} ${JSON.stringify((err as { meta?: unknown })?.meta ?? '')}`;
  return /55P03|lock_not_available|could not obtain lock/i.test(text);
}
