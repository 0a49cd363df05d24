import type { AgentChannel } from '../../../src/core/index.js';
import { clip } from '../render/block-kit.js';
import { escalationMessage } from '../render/escalation-blocks.js';
import { escapeMrkdwn } from '../render/mrkdwn.js';
import type { SlackRuntime } from '../slack-runtime.js';

/**
 * The shared Slack channel as an agent channel (src/core/agent-channel.ts): each escalation is a post with Claim /
 * Resolve, refreshed in place (`chat.update`) as its state changes; the thread under it carries the employee's
 * messages to the agent (and the agent's replies back, see relay-agent-reply.ts). Calls go through the channel's
 * lane of the outbound queue; a refusal is thrown, so the escalation worker retries the job.
 * @param channel the agent channel's id (SLACK_AGENT_CHANNEL)
 */
export function createSlackAgentChannel(rt: SlackRuntime, channel: string): AgentChannel {
  return {
    name: 'slack',
    async postEscalation(view, kind) {
      const { text, blocks } = escalationMessage(view, kind);
      const res = await rt.outbound.run(channel, () => rt.client.chat.postMessage({ channel, text, blocks, unfurl_links: false }));
      if (!res.ts) throw new Error('Slack chat.postMessage returned no ts');
      return { externalRef: res.ts };
    },
    async updateEscalation(view, externalRef) {
      const { text, blocks } = escalationMessage(view);
      await rt.outbound.run(channel, () => rt.client.chat.update({ channel, ts: externalRef, text, blocks }));
    },
    async relayEmployeeMessage(view, externalRef, message) {
      const who = escapeMrkdwn(view.requester.name ?? 'Employee');
      const text = `*${who}:* ${escapeMrkdwn(clip(message.text, 3500))}`;
      await rt.outbound.run(channel, () => rt.client.chat.postMessage({ channel, thread_ts: externalRef, text, unfurl_links: false }));
    },
  };
}
