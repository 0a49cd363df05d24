import { DeskbotError, type ChannelAdapter, type TranscriptStore } from '../../src/core/index.js';
import { renderReplies } from './render-replies.js';
import type { StreamHub } from './stream-hub.js';
import { createTranscriptWriter } from './transcript-writer.js';

/**
 * The web channel's {@link ChannelAdapter} for proactive messages (agent replies, ticket updates): `send` appends the
 * rendered replies to the Direct Line transcript of `reference.conversationId`, where polling clients find them, and
 * pushes them to the conversation's open WebSocket streams when `streams` is the hub given to registerWebChannel.
 * `send` throws DeskbotError `channel_send_failed` when the reference has no conversationId or the conversation is gone.
 */
export function createWebChannelAdapter(store: TranscriptStore, streams?: StreamHub): ChannelAdapter {
  const write = createTranscriptWriter(store, streams);
  return {
    channel: 'web',
    async send(reference, replies) {
      const conversationId = reference.conversationId;
      if (typeof conversationId !== 'string' || conversationId === '') {
        throw new DeskbotError('channel_send_failed', 'The web conversation reference has no conversationId.');
      }
      if (!(await store.getConversation(conversationId))) {
        throw new DeskbotError('channel_send_failed', `Web conversation ${conversationId} no longer exists.`);
      }
      await write.many(conversationId, renderReplies(replies, { conversationId }));
    },
  };
}
