import type { ConversationReference, TurnContext } from 'botbuilder';
import type { InboundAction, TurnResult } from '../../src/core/index.js';
import { referenceOf, toInboundMessage } from './inbound/to-inbound-message.js';
import { postToConversation } from './outbound/post-to-conversation.js';
import { renderReplies } from './outbound/render-replies.js';
import type { TeamsTurnDeps } from './turn-deps.js';

/**
 * One employee turn: the activity (a message, or a card action) through the pipeline, and its replies sent into the
 * same conversation. A typed message is answered as a reply to it (in a channel, into its thread); a card click is
 * no message of its own, so its answer goes to the conversation (the thread's root in a channel).
 */
export async function runEmployeeTurn(deps: TeamsTurnDeps, context: TurnContext, action?: InboundAction): Promise<TurnResult> {
  const profile = await deps.members.profileOf(context);
  const message = toInboundMessage(context.activity, { action, profile, verified: deps.authenticated });
  const result = await deps.turns.handle(message);
  if (result.replies.length === 0) return result;
  const activities = renderReplies(result.replies);
  if (action) await postToConversation(context, activities, referenceOf(context.activity) as Partial<ConversationReference>);
  else await context.sendActivities(activities);
  return result;
}
