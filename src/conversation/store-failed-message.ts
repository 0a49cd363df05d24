import type { Logger } from 'pino';
import type { PrismaClient } from '../db/client.js';
import type { InboundMessage } from '../core/message.js';
import type { TurnResult } from '../core/adapter.js';
import { redactSecrets } from '../redaction/redact.js';
import { identifyEmployee } from './identify-employee.js';
import { lockConversationForEvent } from './lock-conversation-for-event.js';
import { sanitizeText } from './sanitize-text.js';
import { say } from './wording.js';

/**
 * Keep a message whose turn failed, with the error, and produce the apology. The event id is recorded too, so a
 * redelivery does not run the failing turn again and answer twice. When the message cannot be kept in its
 * conversation (the employee or the conversation itself could not be resolved), it is kept in UnprocessedMessage;
 * when even that fails (database down), it goes to the log — redacted — so that it is still not lost.
 */
export async function storeFailedMessage(prisma: PrismaClient, message: InboundMessage, error: unknown, log: Logger): Promise<TurnResult> {
  const text = redactSecrets(sanitizeText(message.text).text).text;
  const reason = error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500);
  const reference = message.eventId.slice(-12);
  const reply = { text: say.failed(reference) };
  try {
    const employee = await identifyEmployee(prisma, message.channel, message.sender);
    const conversation = await lockConversationForEvent(prisma, message, employee.id);
    if (!conversation.first) return { conversationId: conversation.id, duplicate: true, replies: [], summary: { kind: null, intent: null, confidence: 0 } };
    await prisma.message.create({ data: { conversationId: conversation.id, direction: 'inbound', text, eventId: message.eventId, error: reason } });
    await prisma.message.create({ data: { conversationId: conversation.id, direction: 'outbound', text: reply.text, payload: reply } });
    return { conversationId: conversation.id, duplicate: false, replies: [reply], summary: { kind: null, intent: null, confidence: 0 } };
  } catch (storeError) {
    const none = { conversationId: '', replies: [], summary: { kind: null, intent: null, confidence: 0 } };
    try {
      const first = await keepUnprocessed(prisma, message, text, reason);
      log.error({ storeError }, 'a failed message could not be kept in its conversation; kept as unprocessed');
      return { ...none, duplicate: !first, replies: first ? [reply] : [] };
    } catch (lastError) {
      log.fatal({ storeError, lastError, message: { channel: message.channel, eventId: message.eventId, conversation: message.conversation.externalId, text } }, 'could not store a failed message');
      return { ...none, duplicate: false, replies: [reply] };
    }
  }
}

/** Insert once per (channel, event id); true for the first delivery, false for a redelivery. */
async function keepUnprocessed(prisma: PrismaClient, message: InboundMessage, text: string, error: string): Promise<boolean> {
  const { count } = await prisma.unprocessedMessage.createMany({
    data: [{
      channel: message.channel, eventId: message.eventId, conversationExternalId: message.conversation.externalId,
      senderExternalId: message.sender.externalId, text, error,
    }],
    skipDuplicates: true,
  });
  return count === 1;
}
