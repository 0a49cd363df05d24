import { z } from 'zod';
import { conversationFor, isDirectMessage, type SlackReference } from '../conversation-key.js';
import { mentionsBot, slackTextToPlain } from '../render/mrkdwn.js';

const envelopeSchema = z.object({
  team_id: z.string().min(1),
  event: z.object({
    type: z.enum(['message', 'app_mention']),
    subtype: z.string().optional(),
    user: z.string().optional(),
    bot_id: z.string().optional(),
    text: z.string().optional(),
    ts: z.string().min(1),
    thread_ts: z.string().optional(),
    channel: z.string().min(1),
    channel_type: z.string().optional(),
  }),
});

/** What a `message` or `app_mention` event means to deskbot. */
export type MessageEventReading =
  | { kind: 'ignore'; reason: string }
  | {
    kind: 'employee';
    team: string;
    user: string;
    /** `<channel>:<ts>` of the post: the same for its `app_mention` and `message` deliveries and for retries. */
    eventId: string;
    text: string;
    conversation: { externalId: string; reference: SlackReference };
    /** A channel thread reply that does not mention the bot: only deskbot's own conversations are answered. */
    onlyIfKnown: boolean;
    /**
     * Where it was written, for whose conversation it is (thread-conversation.ts): `dm` is the employee's alone; a
     * channel `thread` is the conversation of whoever started it, `newThread` when a top-level mention starts it now.
     */
    place: 'dm' | 'thread' | 'newThread';
  }
  | { kind: 'agent_reply'; team: string; user: string; channel: string; threadTs: string; ts: string; text: string };

/** Message subtypes that are a person writing (a file with a comment, a reply also sent to the channel, /me). */
const personSubtypes = new Set(['file_share', 'thread_broadcast', 'me_message']);

/**
 * Decide what a message event is. Ignored: the bot's own posts (also those with `bot_id` and no subtype), other bots,
 * edits and deletions (an edit is not a new message: answering it would answer twice), joins and other system
 * subtypes, and channel messages that neither mention the bot nor reply in a thread. In the agent channel only
 * thread replies count, as an agent's words for the employee; nothing there is an employee conversation.
 * @param bot the bot's user id and bot id (Bolt's context from `auth.test`)
 */
export function readMessageEvent(body: unknown, bot: { userId?: string; botId?: string }, agentChannel?: string): MessageEventReading {
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success) return { kind: 'ignore', reason: 'not a message event deskbot reads' };
  const { team_id: team, event } = parsed.data;
  if (event.subtype === 'message_changed') return { kind: 'ignore', reason: 'edit' };
  if (event.subtype === 'message_deleted') return { kind: 'ignore', reason: 'deletion' };
  if (event.subtype && !personSubtypes.has(event.subtype)) return { kind: 'ignore', reason: `subtype ${event.subtype}` };
  if (!event.user || event.bot_id || event.user === bot.userId) return { kind: 'ignore', reason: 'bot message' };
  const text = slackTextToPlain(event.text ?? '', bot.userId);
  if (event.channel === agentChannel) {
    if (event.type !== 'message' || !event.thread_ts || event.thread_ts === event.ts) return { kind: 'ignore', reason: 'agent channel' };
    return { kind: 'agent_reply', team, user: event.user, channel: event.channel, threadTs: event.thread_ts, ts: event.ts, text };
  }
  const dm = event.channel_type === 'im' || isDirectMessage(event.channel);
  const mention = event.type === 'app_mention' || mentionsBot(event.text ?? '', bot.userId);
  if (!dm && !mention && !event.thread_ts) return { kind: 'ignore', reason: 'channel message without a mention' };
  return {
    kind: 'employee',
    team,
    user: event.user,
    eventId: `${event.channel}:${event.ts}`,
    text,
    conversation: conversationFor(team, event.channel, dm ? event.thread_ts : event.thread_ts ?? event.ts),
    onlyIfKnown: !dm && !mention,
    place: dm ? 'dm' : event.thread_ts ? 'thread' : 'newThread',
  };
}
