import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { DeskbotError, type ChannelAdapter } from '../../src/core/index.js';
import { postToConversation } from './outbound/post-to-conversation.js';
import { inConversation } from './outbound/proactive.js';
import { renderReplies } from './outbound/render-replies.js';

const referenceSchema = z.object({
  channelId: z.string().min(1),
  serviceUrl: z.url(),
  conversation: z.object({ id: z.string().min(1) }).loose(),
}).loose();

/**
 * Teams' {@link ChannelAdapter}: proactive replies (agent messages, ticket updates, rating prompts) into the
 * conversation of a stored ConversationReference — the one the pipeline kept from the employee's last activity, so
 * it works after a restart.
 * `send` throws DeskbotError `channel_send_failed` for a reference that is not a Teams one, or when the connector
 * refuses after botbuilder's retries.
 */
export function createTeamsChannelAdapter(adapter: CloudAdapter, appId: string): ChannelAdapter {
  return {
    channel: 'teams',
    async send(reference, replies) {
      const parsed = referenceSchema.safeParse(reference);
      if (!parsed.success) throw new DeskbotError('channel_send_failed', 'The Teams conversation reference is incomplete.');
      const target = parsed.data as unknown as Partial<ConversationReference>;
      try {
        await inConversation(adapter, appId, target, (context) => postToConversation(context, renderReplies(replies), target));
      } catch (err) {
        throw new DeskbotError('channel_send_failed', `Teams refused the message: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
    },
  };
}
