import { z } from 'zod';
import type { SlackRuntime } from '../slack-runtime.js';
import { actingAgent, deskRefusal, tellAgent } from './acting-agent.js';

const clickSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  container: z.object({ channel_id: z.string().min(1), message_ts: z.string().min(1) }),
});

/**
 * Claim or Resolve clicked on an escalation post. The post's `ts` names the escalation (AgentPost.externalRef), so a
 * button copied elsewhere does nothing. The escalation system refreshes the post after the desk acts; here an agent
 * who lost a claim race, or may not resolve, is told so privately.
 */
export async function onEscalationAction(rt: SlackRuntime, body: unknown, action: 'claim' | 'resolve'): Promise<void> {
  const desk = rt.deps.desk;
  const click = clickSchema.safeParse(body);
  if (!desk || !click.success || click.data.container.channel_id !== rt.deps.agentChannel) return;
  const { user, container } = click.data;
  const escalationId = await desk.escalationIdForPost('slack', container.message_ts);
  if (!escalationId) return;
  const agent = await actingAgent(rt, user.id);
  try {
    if (action === 'resolve') {
      await desk.resolve(agent, escalationId);
      return;
    }
    const { claimed, escalation } = await desk.claim(agent, escalationId);
    if (!claimed) await tellAgent(rt, container.channel_id, user.id, `${escalation.claimedBy?.name ?? 'Someone else'} already has ${escalation.ticket.number}.`);
  } catch (err) {
    const refusal = deskRefusal(err);
    if (!refusal) throw err;
    await tellAgent(rt, container.channel_id, user.id, refusal);
  }
}
