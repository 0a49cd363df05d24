import type { TurnContext } from 'botbuilder';
import type { InboundAction, TurnResult } from '../../src/core/index.js';
import { toInboundMessage } from './inbound/to-inbound-message.js';
import { renderReplies } from './outbound/render-replies.js';
import type { TeamsTurnDeps } from './turn-deps.js';

/**
 * One employee turn: the activity (a message, or a card action) through the pipeline, and its replies sent into the
 * same conversation — in a channel, into the message's thread (botbuilder replies to the activity).
 */
export async function runEmployeeTurn(deps: TeamsTurnDeps, context: TurnContext, action?: InboundAction): Promise<TurnResult> {
  const profile = await deps.members.profileOf(context);
  const message = toInboundMessage(context.activity, { action, profile, verified: deps.authenticated });
  const result = await deps.turns.handle(message);
  if (result.replies.length > 0) await context.sendActivities(renderReplies(result.replies));
  return result;
}
