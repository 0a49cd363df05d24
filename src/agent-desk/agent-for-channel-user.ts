import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { AgentRef, ChannelAgentUser } from './types.js';
import { hashAgentToken, toAgentRef } from './create-agent.js';

/**
 * See {@link import('./types.js').AgentDesk.agentForChannelUser}. Platform agents get a random bearer token nobody
 * knows (the console is for agents created with `deskbot agents add`); the email of a platform user without one is
 * `<id>@<channel>.invalid` (RFC 2606), so it never matches a real mailbox.
 */
export async function agentForChannelUser(db: Db, user: ChannelAgentUser): Promise<AgentRef> {
  const key = `${user.channel}:${user.externalId}`;
  const linked = await db.agent.findFirst({ where: { channelIds: { has: key } } });
  if (linked) return toAgentRef(linked);
  const email = user.email?.trim().toLowerCase() || `${user.externalId.toLowerCase()}@${user.channel}.invalid`;
  const row = await db.agent.upsert({
    where: { email },
    update: { channelIds: { push: key } },
    create: { name: user.name.trim() || user.externalId, email, channelIds: [key], tokenHash: hashAgentToken(randomBytes(32).toString('base64url')) },
  });
  return toAgentRef(row);
}

/** The escalation whose post on `channel` has platform id `externalRef`, or null. */
export async function escalationIdForPost(db: Db, channel: string, externalRef: string): Promise<string | null> {
  const row = await db.agentPost.findFirst({ where: { channel, externalRef }, select: { escalationId: true } });
  return row?.escalationId ?? null;
}
