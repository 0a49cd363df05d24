import type { PrismaClient } from '../db/client.js';
import type { InboundMessage } from '../core/message.js';
import type { Understanding } from '../classification/types.js';
import { redactSecrets } from '../redaction/redact.js';
import { sanitizeText } from './sanitize-text.js';
import type { TurnServices } from './turn.js';

const redactionMarker = /\[redacted [a-z_ ]+\]/g;

/**
 * The text a message is classified on: sanitized, secrets redacted, and the redaction markers ("[redacted password]")
 * removed again, since they are deskbot's words, not the employee's.
 */
export function classifiableText(raw: string): string {
  return withoutRedactionMarkers(turnText(raw));
}

/** The text a turn works on and stores: sanitized, secrets redacted (with their markers). */
export function turnText(raw: string): string {
  return redactSecrets(sanitizeText(raw).text).text;
}

/** Already-redacted text without its redaction markers (for a caller that has redacted it once). */
export function withoutRedactionMarkers(redacted: string): string {
  return redacted.replace(redactionMarker, ' ');
}

/**
 * With a language model configured, understand a typed message before its turn's transaction opens: the model may
 * take seconds, and no database connection or conversation lock should be held meanwhile. Null when there is nothing
 * to ask it (no model, a button press), or when the turn will not classify the message anyway (a redelivery, or a
 * conversation handed to an agent, whose words are not sent to the model); the turn then decides inside.
 */
export async function understandBeforeTurn(prisma: PrismaClient, message: InboundMessage, services: TurnServices): Promise<Understanding | null> {
  if (!services.llm || message.action) return null;
  const text = classifiableText(message.text);
  const embedded = services.catalog.understander.understand(text);
  // Confidently understood: the model would not be asked, so there is nothing to look up either.
  if (embedded.confidence >= services.thresholds.act) return embedded;
  const [seen, conversation] = await Promise.all([
    prisma.inboundEvent.findUnique({ where: { channel_eventId: { channel: message.channel, eventId: message.eventId } }, select: { eventId: true } }),
    prisma.conversation.findUnique({ where: { channel_externalId: { channel: message.channel, externalId: message.conversation.externalId } }, select: { id: true } }),
  ]);
  if (seen) return null;
  if (conversation && await prisma.escalation.findFirst({ where: { conversationId: conversation.id, status: { not: 'resolved' } }, select: { id: true } })) return null;
  return services.llm.refine(text, embedded, services.catalog.intents);
}
