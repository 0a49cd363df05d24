import type { Db } from '../db/client.js';
import type { EscalationView } from '../agent-desk/types.js';
import { escalationNoticeIds, writeEmployeeNotice } from '../notices/write-employee-notice.js';
import { formatDue } from '../conversation/wording.js';
import type { createBusinessHours } from './business-hours.js';

/**
 * When an escalation is posted while nobody can take it (no agent of its group `available`, or outside business
 * hours), tell the employee honestly when to expect an answer: the next opening, or the SLA response target.
 * Call it in the transaction that marks the escalation posted: it writes the EmployeeNotice
 * `notice-unstaffed-<escalation id>` (sent by the relay and worker, with retries), so it commits with the post and is
 * written at most once; `noticeSentAt` records when it was written.
 * @returns the text of the notice, or null when agents are there or the employee was already told
 */
export async function notifyIfUnstaffed(
  db: Db, hours: ReturnType<typeof createBusinessHours>, view: EscalationView, conversationId: string, now: Date,
): Promise<string | null> {
  const open = hours.isOpen(now);
  if (open && (await availableAgents(db, view.assignmentGroup)) > 0) return null;
  const claimed = await db.escalation.updateMany({ where: { id: view.id, noticeSentAt: null }, data: { noticeSentAt: now } });
  if (!claimed.count) return null;
  const due = formatDue(new Date(view.ticket.responseDueAt), now);
  const text = open
    ? `No agent is free right now. ${view.ticket.number} is in the queue and someone will answer here by ${due} at the latest.`
    : `Our agents work ${hours.describe()}, so nobody is here right now. ${view.ticket.number} is in the queue; expect an answer after ${formatDue(hours.nextOpening(now), now)}.`;
  await writeEmployeeNotice(db, { id: escalationNoticeIds.unstaffed(view.id), kind: 'unstaffed', conversationId, ticketNumber: view.ticket.number, replies: [{ text }] });
  return text;
}

async function availableAgents(db: Db, group: string | null): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS "n" FROM "Agent"
    WHERE "status" = 'available' AND (cardinality("groups") = 0 OR ${group}::text IS NULL OR ${group}::text = ANY("groups"))`;
  return row?.n ?? 0;
}
