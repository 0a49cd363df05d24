import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../db/client.js';
import type { ChannelLookup } from '../agent-desk/send-to-employee.js';
import { DeskbotError } from '../core/errors.js';
import { deliverEmployeeNotice, NoticeBusyError } from './deliver-employee-notice.js';

/**
 * Deliver, oldest first, every notice of one conversation that is not sent yet (pending or queued; failed ones stay
 * failed), before something sent directly to the same employee, so that it cannot overtake them: an agent's first
 * message must not arrive before "… has picked up INC…".
 * @param waitMs how long to wait for a notice another sender is sending (default 10 s)
 * @throws as {@link deliverNoticesInOrder}
 */
export async function deliverConversationNotices(db: Db, channels: ChannelLookup, conversationId: string, waitMs = 10_000): Promise<void> {
  const rows = await db.employeeNotice.findMany({
    where: { conversationId, status: { in: ['pending', 'queued'] } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true },
  });
  await deliverNoticesInOrder(db, channels, rows.map((r) => r.id), waitMs);
}

/**
 * Deliver notices one after the other, in the order given (oldest first). A notice another sender is sending right
 * now, or one behind an older notice another sender is sending, is waited for. Each notice is still sent at most once
 * (see {@link deliverEmployeeNotice}).
 * @param waitMs how long to wait, in all, for notices other senders hold
 * @throws whatever a send throws (DeskbotError `channel_send_failed`, …), so what comes after is not sent out of order;
 *   DeskbotError `channel_send_failed` when another sender held a notice longer than `waitMs`
 */
export async function deliverNoticesInOrder(db: Db, channels: ChannelLookup, ids: readonly string[], waitMs = 10_000): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (const id of ids) {
    for (;;) {
      try {
        await deliverEmployeeNotice(db, channels, id);
        break;
      } catch (err) {
        if (!(err instanceof NoticeBusyError)) throw err;
        if (Date.now() > deadline) throw new DeskbotError('channel_send_failed', `An earlier message to the employee is still being sent (${id}); try again.`);
        await sleep(50);
      }
    }
  }
}
