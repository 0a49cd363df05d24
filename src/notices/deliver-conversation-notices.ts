import { setTimeout as sleep } from 'node:timers/promises';
import type { PrismaClient } from '../db/client.js';
import type { ChannelLookup } from '../agent-desk/send-to-employee.js';
import { DeskbotError } from '../core/errors.js';
import { deliverEmployeeNotice, NoticeBusyError } from './deliver-employee-notice.js';

/**
 * Deliver, oldest first, every notice of one conversation that is not sent yet (pending or queued; failed ones stay
 * failed), before something sent directly to the same employee, so that it cannot overtake them: an agent's first
 * message must not arrive before "… has picked up INC…". A notice another worker is sending right now is waited for.
 * Each notice is still sent at most once (see {@link deliverEmployeeNotice}).
 * @param waitMs how long to wait for a notice another worker is sending (default 10 s)
 * @throws whatever a send throws (DeskbotError `channel_send_failed`, …), so the direct message is not sent out of order;
 *   DeskbotError `channel_send_failed` when another worker held a notice longer than `waitMs`
 */
export async function deliverConversationNotices(prisma: PrismaClient, channels: ChannelLookup, conversationId: string, waitMs = 10_000): Promise<void> {
  const rows = await prisma.employeeNotice.findMany({
    where: { conversationId, status: { in: ['pending', 'queued'] } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true },
  });
  const deadline = Date.now() + waitMs;
  for (const { id } of rows) {
    for (;;) {
      try {
        await deliverEmployeeNotice(prisma, channels, id);
        break;
      } catch (err) {
        if (!(err instanceof NoticeBusyError)) throw err;
        if (Date.now() > deadline) throw new DeskbotError('channel_send_failed', `An earlier message to the employee is still being sent (${id}); try again.`);
        await sleep(50);
      }
    }
  }
}
