import type { SlackRuntime } from '../slack-runtime.js';
import { actingAgent, deskRefusal, tellAgent } from './acting-agent.js';

/** An agent's reply in the thread under an escalation post. */
export interface AgentReply {
  team: string;
  user: string;
  channel: string;
  threadTs: string;
  ts: string;
  text: string;
}

/**
 * Bridge an agent's thread reply to the employee through the agent desk (`sendMessage`: only the agent who claimed
 * the escalation may write). A thread that is not an escalation's is left alone; a refusal is shown to that agent only.
 * The post (channel + ts: the same for Slack's retries and for every delivery of it) is recorded in the shared
 * delivery log before the relay, so of several deliveries to any instances exactly one is relayed. (A relay that
 * fails after the record is not redone by a redelivery; Slack's retries are for acknowledgements, which come first.)
 */
export async function relayAgentReply(rt: SlackRuntime, reply: AgentReply): Promise<void> {
  const desk = rt.deps.desk;
  if (!desk || !reply.text) return;
  const escalationId = await desk.escalationIdForPost('slack', reply.threadTs);
  if (!escalationId) return;
  if (!(await rt.deps.deliveries.first('slack', `agent-reply:${reply.channel}:${reply.ts}`))) {
    rt.deps.logger.info({ channel: reply.channel, ts: reply.ts }, 'Slack agent reply delivered again: already relayed');
    return;
  }
  const agent = await actingAgent(rt, reply.user);
  try {
    await desk.sendMessage(agent, escalationId, reply.text);
  } catch (err) {
    const refusal = deskRefusal(err);
    if (!refusal) throw err;
    await tellAgent(rt, reply.channel, reply.user, `Your reply did not reach the employee — ${refusal}`, reply.threadTs);
  }
}
