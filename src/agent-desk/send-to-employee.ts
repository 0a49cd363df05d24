import type { Db } from '../db/client.js';
import type { ChannelAdapter } from '../core/adapter.js';
import type { ChannelName } from '../core/message.js';
import type { Reply } from '../core/reply.js';
import { DeskbotError } from '../core/errors.js';

/** Finds the adapter that writes to a channel, if that channel runs. */
export type ChannelLookup = (channel: ChannelName) => ChannelAdapter | undefined;

/**
 * Write replies proactively into an employee's conversation on whatever channel they used, through the channel
 * adapter and the conversation's stored reference.
 * @throws DeskbotError `not_found` when the conversation is gone, `channel_send_failed` when its channel does not run
 *   or the platform refuses
 */
export async function sendToEmployee(db: Db, channels: ChannelLookup, conversationId: string, replies: Reply[]): Promise<void> {
  const conversation = await db.conversation.findUnique({ where: { id: conversationId }, select: { channel: true, reference: true } });
  if (!conversation) throw new DeskbotError('not_found', `conversation ${conversationId} not found`);
  const adapter = channels(conversation.channel);
  if (!adapter) throw new DeskbotError('channel_send_failed', `The ${conversation.channel} channel is not running; cannot reach the employee.`);
  await adapter.send((conversation.reference ?? {}) as Record<string, unknown>, replies);
}
