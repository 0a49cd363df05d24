import { TurnContext, type Activity } from 'botbuilder';
import type { InboundAction, InboundMessage, SenderIdentity } from '../../../src/core/index.js';
import { emailOf, type MemberProfile } from './member-directory.js';
import { removeBotMentions } from './remove-bot-mentions.js';

/**
 * The deskbot message behind a Teams activity (a `message`, or an `adaptiveCard/action` invoke turned into an action).
 * - `eventId`: conversation id + activity id. Teams resends an activity it got no timely answer for with the same
 *   id, so the pipeline drops the repeat; the conversation is part of the key because Teams message ids are
 *   millisecond timestamps, unique only within a conversation (Bot Framework Activity spec).
 * - `conversation.reference`: the activity's ConversationReference, kept by the pipeline for proactive messages.
 * - `sender`: the AAD object id (falling back to the Teams user id), tenant, name and — when Teams shared it — email;
 *   `verified` when the request's JWT was validated.
 */
export function toInboundMessage(
  activity: Activity, options: { action?: InboundAction; profile: MemberProfile; verified: boolean },
): InboundMessage {
  const { text } = removeBotMentions(activity.text ?? '', activity.entities, activity.recipient.id, activity.recipient.name);
  return {
    channel: 'teams',
    eventId: `${activity.conversation.id}|${activity.id ?? ''}`,
    conversation: { externalId: activity.conversation.id, reference: referenceOf(activity) },
    sender: senderOf(activity, options.profile, options.verified),
    text: options.action ? '' : text,
    ...(options.action ? { action: options.action } : {}),
    receivedAt: new Date(),
    raw: activity,
  };
}

function senderOf(activity: Activity, profile: MemberProfile, verified: boolean): SenderIdentity {
  const email = emailOf(profile);
  return {
    externalId: activity.from.aadObjectId ?? profile.aadObjectId ?? activity.from.id,
    tenant: tenantOf(activity),
    ...(activity.from.name ? { name: activity.from.name } : {}),
    ...(email ? { email } : {}),
    verified,
  };
}

/** The Entra tenant of an activity: `conversation.tenantId`, else `channelData.tenant.id`, else ''. */
export function tenantOf(activity: Activity): string {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : '';
  return activity.conversation.tenantId ?? fromChannelData;
}

/**
 * The ConversationReference to keep for proactive messages. Its `activityId` becomes the `replyToId` of what is sent
 * later: the thread's root post in a channel thread (so agent replies land in the thread), none elsewhere (a new
 * message in the chat rather than a reply to whatever the employee last sent, which may be a card click).
 */
export function referenceOf(activity: Activity): Record<string, unknown> {
  const reference = JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as Record<string, unknown>;
  const root = threadRootOf(activity.conversation.id);
  if (root) reference.activityId = root;
  else delete reference.activityId;
  return reference;
}

/** The root post id of a channel thread conversation (`19:…@thread.tacv2;messageid=<root>`), or undefined. */
export function threadRootOf(conversationId: string): string | undefined {
  return /;messageid=([^;]+)$/.exec(conversationId)?.[1];
}
