import type { ChannelAdapter } from '../core/adapter.js';
import type { ChannelName } from '../core/message.js';
import type { Reply } from '../core/reply.js';
import { DeskbotError } from '../core/errors.js';

/** Finds the adapter that writes to a channel, if that channel runs. */
export type ChannelLookup = (channel: ChannelName) => ChannelAdapter | undefined;

/** Where an employee's conversation lives: its channel and the reference its adapter stored. */
export interface EmployeeConversation {
  channel: ChannelName;
  reference: unknown;
}

/**
 * Write replies proactively into an employee's conversation on whatever channel they used, through the channel
 * adapter and the conversation's stored reference (the caller reads it, usually together with something else).
 * @param conversation the conversation's channel and reference, null when it is gone
 * @throws DeskbotError `not_found` when the conversation is gone, `channel_send_failed` when its channel does not run
 *   or the platform refuses
 */
export async function sendToConversation(
  channels: ChannelLookup, conversationId: string, conversation: EmployeeConversation | null, replies: Reply[],
): Promise<void> {
  if (!conversation) throw new DeskbotError('not_found', `conversation ${conversationId} not found`);
  const adapter = channels(conversation.channel);
  if (!adapter) throw new DeskbotError('channel_send_failed', `The ${conversation.channel} channel is not running; cannot reach the employee.`);
  await adapter.send((conversation.reference ?? {}) as Record<string, unknown>, replies);
}
