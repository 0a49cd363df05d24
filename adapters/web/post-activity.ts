import {
  DeskbotError,
  type AppendedActivity,
  type SenderIdentity,
  type TranscriptConversation,
  type TranscriptActivity,
  type TranscriptStore,
  type TurnHandler,
} from '../../src/core/index.js';
import type { Principal } from './authenticate.js';
import { clientActivityIdOf, type InboundActivity } from './activity-schema.js';
import { renderReplies } from './render-replies.js';
import { resolveSender } from './resolve-sender.js';
import { toInboundMessage } from './to-inbound-message.js';
import type { TranscriptWriter } from './transcript-writer.js';
import type { WebLogger } from './web-channel-deps.js';

/** Handles `POST …/activities` once authentication and validation are done; resolves to the user activity's id. */
export type PostActivity = (
  conversation: TranscriptConversation,
  principal: Principal,
  activity: InboundActivity,
) => Promise<string>;

/**
 * {@link resolveSender}, logging a refusal: a `from.id` other than the token's user is someone trying to speak as a
 * colleague (or a broken client), and the security log should say which conversation and which id was claimed.
 */
function senderOrRefuse(principal: Principal, conversation: TranscriptConversation, activity: InboundActivity, logger: WebLogger): SenderIdentity {
  try {
    return resolveSender(principal, conversation, activity.from);
  } catch (err) {
    const boundTo = principal.kind === 'token' ? principal.user?.id ?? conversation.userId : conversation.userId;
    logger.warn({ conversationId: conversation.id, claimedId: activity.from?.id, boundTo, credential: principal.kind }, 'web activity refused: from.id is not the token\'s user');
    throw err;
  }
}

const APOLOGY = 'Sorry, something went wrong on my side. Please try again in a moment.';

/**
 * Create the activity poster. A `message` is echoed into the transcript (with its id, as Direct Line does), run through
 * the pipeline, and its replies appended as bot activities — all before the promise resolves, so a client sees the reply
 * when its POST returns. A retry carrying a `clientActivityID` already in the transcript (or still in flight) returns the
 * first id and produces no second echo or reply. Typing is acknowledged without storing; other types are stored only.
 * @throws DeskbotError 413 when the text is longer than `maxTextLength`, 403 when `from.id` is not the bound user
 */
export function createActivityPoster(deps: {
  turns: TurnHandler;
  store: TranscriptStore;
  write: TranscriptWriter;
  logger: WebLogger;
  maxTextLength: number;
  redact?: (text: string) => string;
}): PostActivity {
  const redact = deps.redact ?? ((text: string) => text);
  const inFlight = new Map<string, Promise<string>>();
  return async (conversation, principal, activity) => {
    if ((activity.text?.length ?? 0) > deps.maxTextLength) {
      throw new DeskbotError('bad_request', `The message is longer than ${deps.maxTextLength} characters.`, { status: 413 });
    }
    const sender = senderOrRefuse(principal, conversation, activity, deps.logger);
    if (activity.type === 'typing') return `${conversation.id}|typing`;
    const clientId = clientActivityIdOf(activity);
    if (!clientId) return accept(conversation, sender, activity, undefined);
    const key = `${conversation.id}|${clientId}`;
    const pending = inFlight.get(key);
    if (pending) return pending;
    const run = acceptOnce(conversation, sender, activity, clientId).finally(() => inFlight.delete(key));
    inFlight.set(key, run);
    return run;
  };

  async function acceptOnce(
    conversation: TranscriptConversation,
    sender: SenderIdentity,
    activity: InboundActivity,
    clientId: string,
  ): Promise<string> {
    // Looked up and echoed in one write: a retry finds its first echo and gets that id, with no second echo or reply.
    const { appended, first } = await deps.write.unlessSeen(conversation.id, echoOf(conversation, sender, activity, clientId), clientId);
    if (first) await answerEcho(conversation.id, appended, activity, sender, clientId);
    return appended.id;
  }

  async function accept(
    conversation: TranscriptConversation,
    sender: SenderIdentity,
    activity: InboundActivity,
    clientId: string | undefined,
  ): Promise<string> {
    const echo = await deps.write(conversation.id, echoOf(conversation, sender, activity, clientId));
    await answerEcho(conversation.id, echo, activity, sender, clientId);
    return echo.id;
  }

  /** The activity as it is stored and echoed to the client. */
  function echoOf(conversation: TranscriptConversation, sender: SenderIdentity, activity: InboundActivity, clientId: string | undefined): TranscriptActivity {
    // The id is the server's; a client's own id survives as the clientActivityID its retries are recognised by.
    const { id: _clientSetId, ...fields } = activity;
    return {
      ...fields,
      ...(clientId ? { channelData: { ...fields.channelData, clientActivityID: clientId } } : {}),
      ...(typeof activity.text === 'string' ? { text: redact(activity.text) } : {}),
      channelId: 'directline',
      conversation: { id: conversation.id },
      from: { id: activity.from?.id ?? sender.externalId, ...(activity.from?.name ? { name: activity.from.name } : {}), role: 'user' },
    };
  }

  /** Messages go to the pipeline; other types are only stored. */
  async function answerEcho(
    conversationId: string, echo: AppendedActivity, activity: InboundActivity, sender: SenderIdentity, clientId: string | undefined,
  ): Promise<void> {
    if (activity.type === 'message') await answer(conversationId, { ...echo.activity, id: echo.id }, sender, clientId);
  }

  async function answer(
    conversationId: string,
    echo: Record<string, unknown> & { id: string },
    sender: SenderIdentity,
    clientId: string | undefined,
  ): Promise<void> {
    const message = toInboundMessage(echo, conversationId, sender, clientId);
    let activities;
    try {
      const result = await deps.turns.handle(message);
      activities = renderReplies(result.replies, { conversationId, replyToId: echo.id, summary: result.summary });
    } catch (err) {
      // The pipeline promises not to throw; if it does anyway the user still deserves an answer.
      deps.logger.error({ err, conversationId, eventId: message.eventId }, 'turn handler failed on a web message');
      activities = renderReplies([{ text: APOLOGY }], { conversationId, replyToId: echo.id });
    }
    await deps.write.many(conversationId, activities);
  }
}
