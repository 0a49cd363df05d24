import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';

/**
 * Run `work` in a turn of the conversation behind `reference`, without an inbound activity (Bot Framework
 * "proactive messages"): CloudAdapter.continueConversationAsync builds the connector client for the reference's
 * serviceUrl with the bot's credentials, so this works after a restart with nothing but the stored reference.
 */
export async function inConversation<T>(
  adapter: CloudAdapter, appId: string, reference: Partial<ConversationReference>, work: (context: TurnContext) => Promise<T>,
): Promise<T> {
  let result: T | undefined;
  let done = false;
  await adapter.continueConversationAsync(appId, reference, async (context) => {
    result = await work(context);
    done = true;
  });
  if (!done) throw new Error('The proactive turn did not run.');
  return result as T;
}
