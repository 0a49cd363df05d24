import type { Db } from '../db/client.js';
import { buildEscalationViews } from '../agent-desk/escalation-view.js';
import type { AgentChannel, AgentChannelRouter } from './agent-channel.js';

interface PostRow { channel: string; externalRef: string }

/**
 * `sync` job: show an escalation's current state (claimed by whom, resolved, back in the queue) on every
 * agent-channel post that has a platform id. Channels without `updateEscalation` are skipped.
 * @throws what a channel throws, so BullMQ retries the job (updates are idempotent)
 */
export async function refreshAgentPosts(db: Db, router: AgentChannelRouter, escalationId: string): Promise<string> {
  const [view] = await buildEscalationViews(db, [{ id: escalationId }]);
  if (!view) return 'skipped';
  const posts = await postsOf(db, escalationId);
  for (const post of posts) await channelNamed(router, view.assignmentGroup, post.channel)?.updateEscalation?.(view, post.externalRef);
  return posts.length ? 'synced' : 'skipped';
}

/**
 * `relay` job: carry one employee message to the agent's thread, under the latest post on each channel that relays.
 * @throws what a channel throws, so BullMQ retries the job (the job id is the message id: at most one success)
 */
export async function relayToAgentThreads(db: Db, router: AgentChannelRouter, escalationId: string, messageId: string): Promise<string> {
  const message = await db.escalationMessage.findUnique({ where: { id: messageId }, select: { text: true, createdAt: true } });
  const [view] = await buildEscalationViews(db, [{ id: escalationId }]);
  if (!message || !view || view.status === 'resolved') return 'skipped';
  const latest = new Map<string, string>();
  for (const post of await postsOf(db, escalationId)) latest.set(post.channel, post.externalRef);
  for (const [name, ref] of latest) {
    await channelNamed(router, view.assignmentGroup, name)?.relayEmployeeMessage?.(view, ref, { author: 'employee', text: message.text, at: message.createdAt.toISOString() });
  }
  return 'relayed';
}

/** Posts with a platform id, oldest first. */
function postsOf(db: Db, escalationId: string): Promise<PostRow[]> {
  return db.$queryRaw<PostRow[]>`
    SELECT "channel", "externalRef" FROM "AgentPost"
    WHERE "escalationId" = ${escalationId} AND "externalRef" IS NOT NULL ORDER BY "createdAt"`;
}

function channelNamed(router: AgentChannelRouter, group: string | null, name: string): AgentChannel | undefined {
  return router(group).find((c) => c.name === name);
}
