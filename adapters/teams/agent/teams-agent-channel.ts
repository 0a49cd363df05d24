import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { AgentChannel } from '../../../src/core/index.js';
import { adaptiveCardType } from '../outbound/adaptive-card.js';
import { postToConversation } from '../outbound/post-to-conversation.js';
import { inConversation } from '../outbound/proactive.js';
import type { ServiceUrlMemory } from '../service-url-memory.js';
import { escalationCard } from './escalation-card.js';

export interface TeamsAgentChannelDeps {
  adapter: CloudAdapter;
  appId: string;
  /** Channel conversation id (`19:…@thread.tacv2`). */
  channelId: string;
  serviceUrls: ServiceUrlMemory;
}

/**
 * A Teams channel as the desk's agent channel (core AgentChannel, name `teams`):
 * - postEscalation: a new post in the channel with the escalation card (`POST /v3/conversations/{channel}/activities`);
 *   its activity id is the external ref, and the root of the thread agents reply in;
 * - updateEscalation: the card replaced in place (`PUT …/activities/{ref}`) after a claim, release or resolve;
 * - relayEmployeeMessage: the employee's words as a plain-text reply in the card's thread.
 * @throws what the connector throws (after botbuilder's retries on 429 and 5xx); the escalation worker retries the job
 */
export function createTeamsAgentChannel(deps: TeamsAgentChannelDeps): AgentChannel {
  const reference = (conversationId: string, activityId?: string): Partial<ConversationReference> => {
    const { serviceUrl, tenantId } = deps.serviceUrls.current();
    return {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: conversationId, isGroup: true, conversationType: 'channel', tenantId, name: '' },
      bot: { id: deps.appId ? `28:${deps.appId}` : 'deskbot', name: 'deskbot' },
      ...(activityId ? { activityId } : {}),
    };
  };
  const cardAttachment = (content: object) => ({ contentType: adaptiveCardType, content });
  return {
    name: 'teams',
    async postEscalation(view, kind) {
      const target = reference(deps.channelId);
      const [id] = await inConversation(deps.adapter, deps.appId, target, (context) => postToConversation(context, [{
        type: 'message',
        summary: `Escalation ${view.ticket.number}: ${view.ticket.title}`.slice(0, 200),
        attachments: [cardAttachment(escalationCard(view, kind))],
      }], target));
      if (!id) throw new Error('The Teams connector returned no activity id for the escalation post.');
      return { externalRef: id };
    },
    async updateEscalation(view, externalRef) {
      await inConversation(deps.adapter, deps.appId, reference(deps.channelId), (context) => context.updateActivity({
        id: externalRef, type: 'message', attachments: [cardAttachment(escalationCard(view))],
      }));
    },
    async relayEmployeeMessage(view, externalRef, message) {
      const thread = reference(`${deps.channelId};messageid=${externalRef}`, externalRef);
      const who = view.requester.name ?? 'Employee';
      await inConversation(deps.adapter, deps.appId, thread, (context) => postToConversation(context, [{
        type: 'message', text: `${who}: ${message.text}`, textFormat: 'plain',
      }], thread));
    },
  };
}
