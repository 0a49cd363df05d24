import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';

/**
 * Send activities as new messages into a conversation — by default the turn's own, without replying to the inbound
 * activity (a welcome answers a `conversationUpdate`, which is no message to reply to) — or into `reference`'s, as a
 * reply to its `activityId` when it has one (the root post of a channel thread). botbuilder's own proactive send
 * would reply to the continuation activity's random id instead.
 * @returns the connector's ids of the new messages, in order
 */
export async function postToConversation(
  context: TurnContext, activities: Array<Partial<Activity>>, reference?: Partial<ConversationReference>,
): Promise<string[]> {
  const target = reference ?? withoutActivityId(TurnContext.getConversationReference(context.activity));
  const outgoing = activities.map((a) => TurnContext.applyConversationReference({ ...a }, target));
  const responses = await context.adapter.sendActivities(context, outgoing);
  return responses.map((r) => r?.id ?? '');
}

function withoutActivityId(reference: Partial<ConversationReference>): Partial<ConversationReference> {
  const { activityId: _ignored, ...rest } = reference;
  return rest;
}
