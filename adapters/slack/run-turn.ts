import type { InboundMessage, Reply } from '../../src/core/index.js';
import type { SlackReference } from './conversation-key.js';
import { publishHome } from './publish-home.js';
import { postReplies } from './post-replies.js';
import type { SlackRuntime } from './slack-runtime.js';

/**
 * One employee turn on Slack: the pipeline, then its replies posted where the employee wrote. A duplicate delivery
 * (same post seen as `app_mention` and `message`, a retry, a second click) gets nothing. When the turn opened a ticket
 * the employee's App Home is refreshed.
 * @param preface a reply shown before the pipeline's, e.g. the words of a slash command nobody else saw
 */
export async function runTurn(rt: SlackRuntime, message: InboundMessage, target: SlackReference, preface?: Reply): Promise<void> {
  // The first turn creates the conversation for its sender; later turns are by the same employee (thread-conversation.ts).
  if (!rt.knownConversations.get(message.conversation.externalId)) rt.knownConversations.set(message.conversation.externalId, [message.sender.externalId]);
  const result = await rt.deps.turns.handle(message);
  if (result.duplicate || !result.replies.length) return;
  await postReplies(rt, target, preface ? [preface, ...result.replies] : result.replies);
  if (result.summary.ticket) await publishHome(rt, target.team, message.sender.externalId);
}
