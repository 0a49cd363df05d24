import { colleagueConversation, type SlackReference } from '../conversation-key.js';
import type { SlackRuntime } from '../slack-runtime.js';

/** Whose conversation a message in a channel thread is, and whether deskbot already holds it. */
export interface ThreadConversation {
  externalId: string;
  reference: SlackReference;
  /** deskbot holds this conversation already (a reply without a mention is answered only then). */
  known: boolean;
}

/**
 * The conversation of `user` in a channel thread. A thread's conversation belongs to the employee who started it (the
 * first to mention the bot there): their messages, and clicks on its buttons, are that conversation. Anyone else in
 * the thread is a colleague, never that employee's requester: they get a conversation of their own in the same thread
 * (colleagueConversation), which exists only once they mention the bot; until then their replies are chatter.
 * @param thread the thread's conversation (conversationFor with the thread's root ts)
 * @param newThread a top-level mention: the thread cannot have a conversation yet, so the database is not asked
 */
export async function threadConversation(
  rt: SlackRuntime, thread: { externalId: string; reference: SlackReference }, user: string, newThread = false,
): Promise<ThreadConversation> {
  const holder = newThread ? null : await holderOf(rt, thread.externalId);
  if (!holder) return { ...thread, known: false };
  if (holder.includes(user)) return { ...thread, known: true };
  const own = colleagueConversation(thread, user);
  return { ...own, known: (await holderOf(rt, own.externalId)) !== null };
}

async function holderOf(rt: SlackRuntime, externalId: string): Promise<string[] | null> {
  const cached = rt.knownConversations.get(externalId);
  if (cached) return cached;
  const holder = await rt.deps.conversationHolder(externalId);
  if (holder) rt.knownConversations.set(externalId, holder);
  return holder;
}
