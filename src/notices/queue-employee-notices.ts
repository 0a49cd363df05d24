import type { Queue } from 'bullmq';
import type { Db } from '../db/client.js';
import { defaultJobOptions, type EscalationJobData } from '../escalation/escalation-jobs.js';

interface NoticeRow { id: string; kind: string; conversationId: string; ticketNumber: string | null }

/**
 * The relay's share of employee notices: queue a `notice` job per pending EmployeeNotice (job id = notice id, so
 * racing relays queue nothing twice), then mark them queued. Retries and backoff are the escalation jobs' defaults;
 * failed jobs are kept, visible in the queue dashboard.
 * @returns how many notices were queued
 */
export async function queueEmployeeNotices(db: Db, queue: Queue<EscalationJobData>, batchSize: number): Promise<number> {
  const rows = await db.$queryRaw<NoticeRow[]>`
    SELECT "id", "kind", "conversationId", "ticketNumber" FROM "EmployeeNotice"
    WHERE "status" = 'pending' ORDER BY "createdAt" LIMIT ${batchSize}`;
  if (!rows.length) return 0;
  await queue.addBulk(rows.map((r) => ({
    name: 'notice',
    // `escalationId` is empty: a notice belongs to a ticket, not to an escalation.
    data: { escalationId: '', noticeId: r.id, ticketNumber: r.ticketNumber, summary: `notice to the employee: ${r.kind}`, conversationId: r.conversationId, reason: r.kind },
    opts: { ...defaultJobOptions, jobId: r.id },
  })));
  await db.$executeRaw`
    UPDATE "EmployeeNotice" SET "status" = 'queued', "queuedAt" = now() WHERE "id" = ANY(${rows.map((r) => r.id)}::text[]) AND "status" = 'pending'`;
  return rows.length;
}
