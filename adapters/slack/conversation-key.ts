import { z } from 'zod';

/** What deskbot stores to write into a Slack conversation later (InboundMessage.conversation.reference). */
export interface SlackReference {
  team: string;
  channel: string;
  /** The thread replies go to; absent for a direct message written outside a thread. */
  thread_ts?: string;
}

const referenceSchema = z.object({ team: z.string().min(1), channel: z.string().min(1), thread_ts: z.string().min(1).optional() });

/** Direct-message channel ids start with `D` (Slack's conversation id prefixes). */
export function isDirectMessage(channel: string): boolean {
  return channel.startsWith('D');
}

/**
 * The deskbot conversation a Slack message belongs to. A direct message with the bot is one conversation per DM
 * channel (a reply in a DM thread stays in it and is answered in that thread); in a channel every thread is its own
 * conversation, keyed by the thread's root `ts` — a top-level mention starts one, with `thread_ts` = its own `ts`.
 * @param threadTs the thread (required outside DMs)
 */
export function conversationFor(team: string, channel: string, threadTs?: string): { externalId: string; reference: SlackReference } {
  const thread = threadTs ? { thread_ts: threadTs } : {};
  if (isDirectMessage(channel)) return { externalId: `${team}:${channel}`, reference: { team, channel, ...thread } };
  return { externalId: `${team}:${channel}:${threadTs ?? ''}`, reference: { team, channel, ...thread } };
}

/**
 * A colleague's own conversation inside another employee's channel thread (thread-conversation.ts): the thread's key
 * with the colleague's user id appended, replies going to the same thread.
 */
export function colleagueConversation(thread: { externalId: string; reference: SlackReference }, user: string): { externalId: string; reference: SlackReference } {
  return { externalId: `${thread.externalId}:${user}`, reference: thread.reference };
}

/** Read a stored reference; null when it is not one the Slack channel wrote. */
export function parseReference(reference: Record<string, unknown>): SlackReference | null {
  const parsed = referenceSchema.safeParse(reference);
  return parsed.success ? parsed.data : null;
}
