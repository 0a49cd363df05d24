import type { Reply } from '../../src/core/index.js';
import type { SlackReference } from './conversation-key.js';
import { renderReplies } from './render/reply-blocks.js';
import type { SlackRuntime } from './slack-runtime.js';

/**
 * Post replies into a Slack conversation (`chat.postMessage`, in the reference's thread when it has one), through the
 * channel's lane of the outbound queue.
 * @returns the `ts` of each message posted
 * @throws the Web API's error when Slack refuses (not_in_channel, channel_not_found…)
 */
export async function postReplies(rt: SlackRuntime, target: SlackReference, replies: Reply[]): Promise<string[]> {
  const posted: string[] = [];
  for (const message of renderReplies(replies)) {
    const res = await rt.outbound.run(target.channel, () => rt.client.chat.postMessage({
      channel: target.channel,
      ...(target.thread_ts ? { thread_ts: target.thread_ts } : {}),
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
    }));
    if (res.ts) posted.push(res.ts);
  }
  return posted;
}
