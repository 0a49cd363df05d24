import type { TurnContext } from 'botbuilder';
import { adaptiveCardType, type AdaptiveCard } from './outbound/adaptive-card.js';

/**
 * Answer an `adaptiveCard/action` invoke (Universal Actions for Adaptive Cards): the body Teams reads is
 * `{ statusCode, type, value }` — a card that replaces the clicked one, or a message it shows by the card.
 */
export async function sendInvokeResponse(context: TurnContext, answer: { card: AdaptiveCard } | { message: string }): Promise<void> {
  const body = 'card' in answer
    ? { statusCode: 200, type: adaptiveCardType, value: answer.card }
    : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: answer.message };
  await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
}
