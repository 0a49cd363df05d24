import type { Reply } from '../../../src/core/index.js';
import type { SlackRuntime } from '../slack-runtime.js';

/**
 * The bot's direct-message channel with a user (`conversations.open`, scope `im:write`), where conversations started
 * from `/it` and the new-request modal continue: IT problems are personal, so they are not answered in a shared channel.
 * @throws the Web API's error when Slack refuses
 */
export async function openDirectMessage(rt: SlackRuntime, user: string): Promise<string> {
  const res = await rt.client.conversations.open({ users: user });
  const channel = res.channel?.id;
  if (!channel) throw new Error('Slack conversations.open returned no channel');
  return channel;
}

/** The employee's own words quoted above the bot's answer, for a request nobody saw being written (command, modal). */
export function quoteOf(text: string): Reply {
  return { text: text.split('\n').map((line) => `> ${line}`).join('\n') };
}
