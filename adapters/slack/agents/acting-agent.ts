import { DeskbotError, type AgentRef } from '../../../src/core/index.js';
import type { SlackRuntime } from '../slack-runtime.js';

/** The agent behind a Slack user in the agent channel: membership of that channel is what makes them an agent. */
export async function actingAgent(rt: SlackRuntime, user: string): Promise<AgentRef> {
  const profile = await rt.identities.profile(user);
  return rt.deps.desk!.agentForChannelUser({ channel: 'slack', externalId: user, name: profile.name ?? user, ...(profile.email ? { email: profile.email } : {}) });
}

/** Tell one agent something only they see (`chat.postEphemeral`), e.g. why their click did nothing. */
export async function tellAgent(rt: SlackRuntime, channel: string, user: string, text: string, threadTs?: string): Promise<void> {
  await rt.outbound.run(channel, () => rt.client.chat.postEphemeral({ channel, user, text, ...(threadTs ? { thread_ts: threadTs } : {}) }));
}

/** What to tell an agent the desk refused (`forbidden`, `bad_request`, `not_found`); null for any other failure. */
export function deskRefusal(err: unknown): string | null {
  if (!(err instanceof DeskbotError)) return null;
  if (err.code === 'forbidden') return `${err.message}: only the agent who claimed it can do that. Claim it first.`;
  return err.code === 'bad_request' || err.code === 'not_found' ? err.message : null;
}
