import type { Db } from '../db/client.js';
import type { Reply } from '../core/reply.js';
import { escalationNotifyChannel } from '../escalation/escalation-jobs.js';

/** A proactive notice to write: what to send, to which conversation, under which stable id. */
export interface EmployeeNoticeInput {
  /** Stable id derived from what caused the notice (see {@link noticeIdForTicket}); also the BullMQ job id. */
  id: string;
  /** What the notice is about, for logs and the dashboard (e.g. `pending_incident`). */
  kind: string;
  conversationId: string;
  ticketNumber?: string;
  replies: Reply[];
}

/** The notice id of a ticket's notice: one notice per ticket, and a valid BullMQ job id (no `:`). */
export function noticeIdForTicket(ticketId: string): string {
  return `notice-${ticketId}`;
}

/**
 * Notice ids of the escalation's notices, derived from what caused them so a retried or repeated write adds nothing.
 * `version` is the escalation's `syncVersion` after the claim or release, which tells the n-th claim from the next.
 */
export const escalationNoticeIds = {
  rating: (escalationId: string) => `notice-rating-${escalationId}`,
  claim: (escalationId: string, version: number) => `notice-claim-${escalationId}-${version}`,
  release: (escalationId: string, version: number) => `notice-release-${escalationId}-${version}`,
  unstaffed: (escalationId: string) => `notice-unstaffed-${escalationId}`,
};

/**
 * Write a pending EmployeeNotice in the caller's transaction (transactional outbox), so it commits or rolls back with
 * whatever caused it. A notice with the same id already written is left as it is. The NOTIFY, delivered only on commit,
 * wakes the escalation relay, which queues it for the worker.
 * @returns true when the notice was written, false when its id existed
 */
export async function writeEmployeeNotice(db: Db, notice: EmployeeNoticeInput): Promise<boolean> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    WITH ins AS (
      INSERT INTO "EmployeeNotice" ("id", "kind", "conversationId", "ticketNumber", "replies")
      VALUES (${notice.id}, ${notice.kind}, ${notice.conversationId}, ${notice.ticketNumber ?? null}, ${JSON.stringify(notice.replies)}::jsonb)
      ON CONFLICT ("id") DO NOTHING
      RETURNING "id")
    SELECT ins."id" FROM ins CROSS JOIN LATERAL (SELECT pg_notify(${escalationNotifyChannel}, ins."id")) AS woken`;
  return rows.length > 0;
}
