import type { InboundAction, InboundMessage, SenderIdentity, TranscriptActivity } from '../../src/core/index.js';

/**
 * Map a stored (echoed) Direct Line `message` activity to deskbot's InboundMessage. The event id is the conversation plus
 * `channelData.clientActivityID` when the client set one (Web Chat keeps it across retries, so a retried POST is dropped by
 * the pipeline's dedupe), else the server-assigned activity id. Button presses (messageBack/postBack or Adaptive Card
 * submits) carry `value: { deskbot: "<choice value>" }`.
 */
export function toInboundMessage(
  activity: TranscriptActivity & { id: string },
  conversationId: string,
  sender: SenderIdentity,
  clientActivityId: string | undefined,
): InboundMessage {
  const action = actionOf(activity.value);
  return {
    channel: 'web',
    eventId: clientActivityId ? `${conversationId}|c:${clientActivityId}` : activity.id,
    conversation: { externalId: conversationId, reference: { conversationId } },
    sender,
    text: typeof activity.text === 'string' ? activity.text : '',
    ...(action ? { action } : {}),
    receivedAt: new Date(),
    raw: activity,
  };
}

function actionOf(value: unknown): InboundAction | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const choice = (value as Record<string, unknown>).deskbot;
  return typeof choice === 'string' && choice.length <= 500 ? { value: choice } : undefined;
}
