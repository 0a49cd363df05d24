import type { TurnContext } from 'botbuilder';
import { runEmployeeTurn } from './employee-turn.js';
import { toInboundAction } from './inbound/card-action.js';
import { removeBotMentions } from './inbound/remove-bot-mentions.js';
import { threadRootOf } from './inbound/to-inbound-message.js';
import { answerCardExecute } from './card-execute.js';
import { handleMembershipChange } from './welcome.js';
import type { TeamsTurnDeps } from './turn-deps.js';

/**
 * The bot's logic for one inbound activity, by type:
 * - `message` with a `value` and no text: an Adaptive Card Action.Submit → the pipeline as an action;
 * - `message` with text: the pipeline (in a channel, a new post only when it mentions the bot; thread replies always);
 * - `invoke` `adaptiveCard/action` (Action.Execute): answered with an invoke response;
 * - `conversationUpdate` / `installationUpdate`: a short welcome when the bot is added, logged otherwise;
 * - `messageReaction` and everything else: ignored.
 * Activities in the agent channel go to the agent desk instead and never become employee conversations.
 */
export function createActivityLogic(deps: TeamsTurnDeps): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const activity = context.activity;
    if (deps.agents?.owns(activity)) {
      await deps.agents.handle(context);
      return;
    }
    switch (activity.type) {
      case 'message':
        return onMessage(deps, context);
      case 'invoke':
        if (activity.name === 'adaptiveCard/action') await answerCardExecute(deps, context);
        return;
      case 'conversationUpdate':
      case 'installationUpdate':
        return handleMembershipChange(deps, context);
      default:
        deps.logger.debug({ type: activity.type, activityId: activity.id }, 'Teams activity ignored');
    }
  };
}

async function onMessage(deps: TeamsTurnDeps, context: TurnContext): Promise<void> {
  const activity = context.activity;
  const action = activity.text?.trim() ? undefined : toInboundAction(activity.value);
  if (action) {
    await runEmployeeTurn(deps, context, action);
    return;
  }
  if (isUnaddressedChannelPost(context)) {
    deps.logger.debug({ conversationId: activity.conversation.id }, 'Teams channel post without a mention of the bot ignored');
    return;
  }
  await runEmployeeTurn(deps, context);
}

// With the channel-message permission (RSC) Teams delivers every post of a channel: a new post is for the bot only
// when it mentions the bot. A reply in a thread continues that thread's conversation and is answered without one.
function isUnaddressedChannelPost(context: TurnContext): boolean {
  const { conversation, id, text, entities, recipient } = context.activity;
  if (conversation.conversationType !== 'channel') return false;
  const root = threadRootOf(conversation.id);
  const isNewPost = !root || root === id;
  return isNewPost && !removeBotMentions(text ?? '', entities, recipient.id, recipient.name).mentioned;
}
