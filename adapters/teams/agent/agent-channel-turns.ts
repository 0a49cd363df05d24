import type { Activity, TurnContext } from 'botbuilder';
import type { AgentDesk, AgentRef, DeliveryLog } from '../../../src/core/index.js';
import { emailOf, type MemberDirectory } from '../inbound/member-directory.js';
import { removeBotMentions } from '../inbound/remove-bot-mentions.js';
import { threadRootOf } from '../inbound/to-inbound-message.js';
import { postToConversation } from '../outbound/post-to-conversation.js';
import type { ServiceUrlMemory } from '../service-url-memory.js';
import type { TeamsLogger } from '../teams-channel-deps.js';
import { runEscalationCommand } from './escalation-command.js';
import { deskErrorText } from './desk-error-text.js';
import { sendInvokeResponse } from '../invoke-response.js';

/** Activities in the agent channel: escalation card actions and replies in escalation threads. */
export interface AgentChannelTurns {
  /** True for activities of the agent channel (its posts and their threads): never employee conversations. */
  owns(activity: Activity): boolean;
  handle(context: TurnContext): Promise<void>;
}

export interface AgentChannelTurnDeps {
  /** Absent when the escalation system does not run (no Redis): the channel is then only kept apart. */
  desk?: AgentDesk;
  channelId: string;
  members: MemberDirectory;
  /** Activities already acted on, shared by every instance: Teams resends an activity it got no timely answer for. */
  deliveries: DeliveryLog;
  /** Learns the connector address for later posts from every agent-channel activity. */
  serviceUrls: ServiceUrlMemory;
  logger: TeamsLogger;
}

const hint = 'I post escalations here. Claim one on its card, then reply in its thread to write to the employee.';

/**
 * The agent channel's side of Teams. Card buttons (Action.Execute, or Action.Submit from older clients) claim or
 * resolve through the agent desk as the clicking user's agent; a reply in an escalation's thread goes to the employee
 * (`desk.sendMessage`) when its author has claimed it, otherwise the thread is told why not. A new post that mentions
 * the bot gets a one-line hint; other posts are the agents' own talk and are left alone.
 */
export function createAgentChannelTurns(deps: AgentChannelTurnDeps): AgentChannelTurns {
  const desk = deps.desk;
  if (!desk) {
    return {
      owns: (activity) => ownedBy(activity, deps.channelId),
      async handle(context) {
        deps.logger.warn({ activityId: context.activity.id }, 'activity in the Teams agent channel ignored: the agent desk is not running (no Redis)');
        if (context.activity.type === 'invoke') await sendInvokeResponse(context, { message: 'The agent desk is not running right now.' });
      },
    };
  }
  const agentOf = async (context: TurnContext): Promise<AgentRef> => {
    const { from } = context.activity;
    const profile = await deps.members.profileOf(context);
    const email = emailOf(profile);
    return desk.agentForChannelUser({ channel: 'teams', externalId: from.aadObjectId ?? profile.aadObjectId ?? from.id, name: from.name ?? from.id, ...(email ? { email } : {}) });
  };
  return {
    owns: (activity) => ownedBy(activity, deps.channelId),
    async handle(context) {
      const activity = context.activity;
      deps.serviceUrls.learn(activity.serviceUrl, activity.conversation.tenantId ?? '');
      const isInvoke = activity.type === 'invoke' && activity.name === 'adaptiveCard/action';
      if (!isInvoke && activity.type !== 'message') return;
      // Recorded before acting, in the database every instance shares: a resent activity, wherever it lands, is a repeat.
      const firstTime = await deps.deliveries.first('teams', `agent-channel:${activity.conversation.id}|${activity.id ?? ''}`);
      if (isInvoke) return runEscalationCommand(desk, context, agentOf, { invoke: true, repeat: !firstTime });
      if (!firstTime) return;
      if (!activity.text?.trim() && activity.value) return runEscalationCommand(desk, context, agentOf, { invoke: false, repeat: false });
      await onText({ ...deps, desk }, context, agentOf);
    },
  };
}

function ownedBy(activity: Activity, channelId: string): boolean {
  return activity.conversation?.id.split(';')[0] === channelId;
}

async function onText(deps: AgentChannelTurnDeps & { desk: AgentDesk }, context: TurnContext, agentOf: (c: TurnContext) => Promise<AgentRef>): Promise<void> {
  const activity = context.activity;
  const { text, mentioned } = removeBotMentions(activity.text ?? '', activity.entities, activity.recipient.id, activity.recipient.name);
  const root = threadRootOf(activity.conversation.id);
  if (!root || root === activity.id) {
    if (mentioned) await context.sendActivity({ type: 'message', text: hint });
    return;
  }
  const escalationId = await deps.desk.escalationIdForPost('teams', root);
  if (!escalationId || !text) return;
  const agent = await agentOf(context);
  try {
    await deps.desk.sendMessage(agent, escalationId, text);
  } catch (err) {
    deps.logger.info({ escalationId, agentId: agent.id, err: String(err) }, 'agent reply in Teams not relayed');
    await postToConversation(context, [{ type: 'message', text: deskErrorText(err) }], { ...threadReference(context), activityId: root });
  }
}

function threadReference(context: TurnContext) {
  const { conversation, serviceUrl, channelId, recipient, from } = context.activity;
  return { conversation, serviceUrl, channelId, bot: recipient, user: from };
}
