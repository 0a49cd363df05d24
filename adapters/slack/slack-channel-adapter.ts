import { DeskbotError, type ChannelAdapter } from '../../src/core/index.js';
import { parseReference } from './conversation-key.js';
import { postReplies } from './post-replies.js';
import type { SlackRuntime } from './slack-runtime.js';

/**
 * The Slack channel's {@link ChannelAdapter} for proactive messages (agent replies, "your request is back in the
 * queue", rating prompts): posts into the stored conversation reference `{ team, channel, thread_ts? }`.
 * `send` throws DeskbotError `channel_send_failed` for a reference Slack did not write, or when Slack refuses.
 */
export function createSlackChannelAdapter(rt: SlackRuntime): ChannelAdapter {
  return {
    channel: 'slack',
    async send(reference, replies) {
      const target = parseReference(reference);
      if (!target) throw new DeskbotError('channel_send_failed', 'The Slack conversation reference has no team and channel.');
      try {
        await postReplies(rt, target, replies);
      } catch (err) {
        const code = (err as { data?: { error?: string } }).data?.error;
        throw new DeskbotError('channel_send_failed', `Slack did not take the message${code ? ` (${code})` : ''}.`, { cause: err });
      }
    },
  };
}
