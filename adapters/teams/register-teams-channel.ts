import type { TurnContext } from 'botbuilder';
import type { FastifyInstance } from 'fastify';
import type { AgentChannel, ChannelAdapter } from '../../src/core/index.js';
import { activityLabel } from './activity-label.js';
import { createAgentChannelTurns } from './agent/agent-channel-turns.js';
import { createTeamsAgentChannel } from './agent/teams-agent-channel.js';
import { createBotAuthentication } from './auth/bot-authentication.js';
import { DeskbotCloudAdapter } from './deskbot-cloud-adapter.js';
import { createActivityLogic } from './handle-activity.js';
import { createMemberDirectory } from './inbound/member-directory.js';
import { registerMessagesRoute } from './messages-route.js';
import { sendInvokeResponse } from './invoke-response.js';
import { createServiceUrlMemory } from './service-url-memory.js';
import { createTeamsChannelAdapter } from './teams-channel-adapter.js';
import type { TeamsChannelDeps } from './teams-channel-deps.js';

/** What registering the Teams channel gives back to the composition root. */
export interface TeamsChannel {
  /** Proactive sends into Teams conversations (agent replies, ticket updates). */
  adapter: ChannelAdapter;
  /** The agent channel, when `agentChannelId` and `desk` were given (without the desk the channel is only kept apart). */
  agentChannel?: AgentChannel;
}

/**
 * Mount the Microsoft Teams channel: `POST /api/messages` (Bot Framework messaging endpoint) handled by botbuilder's
 * CloudAdapter. With an app id, every request's JWT is validated and a failure is answered 401 (JSON); without one, the
 * channel accepts unauthenticated activities (local development) and says so in a warning. A body that is not an
 * activity is refused with 400.
 */
export async function registerTeamsChannel(app: FastifyInstance, deps: TeamsChannelDeps): Promise<TeamsChannel> {
  const appId = deps.credentials.appId ?? '';
  const authenticated = appId !== '';
  if (!authenticated) {
    deps.logger.warn({}, 'Teams channel runs WITHOUT authentication (no MicrosoftAppId): anyone can post activities. For local development only.');
  }
  const cloud = new DeskbotCloudAdapter(createBotAuthentication(deps.credentials, deps.endpoints));
  cloud.onTurnError = async (context: TurnContext, err: Error) => {
    deps.logger.error({ err, activity: activityLabel(context.activity) }, 'Teams turn failed');
    if (context.activity.type === 'invoke') await sendInvokeResponse(context, { message: 'Something went wrong on my side; please try again.' }).catch(() => undefined);
  };
  const members = createMemberDirectory(deps.logger);
  const serviceUrls = createServiceUrlMemory(deps.defaultServiceUrl, deps.credentials.tenantId);
  const agents = deps.agentChannelId
    ? createAgentChannelTurns({ desk: deps.desk, channelId: deps.agentChannelId, members, deliveries: deps.deliveries, serviceUrls, logger: deps.logger })
    : undefined;
  const logic = createActivityLogic({ turns: deps.turns, members, logger: deps.logger, authenticated, deliveries: deps.deliveries, agents });

  await registerMessagesRoute(app, { path: deps.path ?? '/api/messages', cloud, logic, authenticated, logger: deps.logger });
  return {
    adapter: createTeamsChannelAdapter(cloud, appId),
    ...(deps.desk && deps.agentChannelId ? { agentChannel: createTeamsAgentChannel({ adapter: cloud, appId, channelId: deps.agentChannelId, serviceUrls }) } : {}),
  };
}
