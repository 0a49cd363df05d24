import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { EscalationView } from '../agent-desk/types.js';
import type { AgentChannel, AgentPostKind } from './agent-channel.js';

/** Test hooks that simulate a worker dying at the worst moment. */
export interface PostFaults {
  /** Runs after the AgentPost row is written and before the platform call; throw or never resolve to simulate a crash. */
  afterPostRecorded?: (escalationId: string, channel: string) => Promise<void>;
}

/**
 * Post an escalation to one agent channel at most once per kind: the AgentPost row (unique escalation, channel,
 * kind) is written before the platform call, so a retried or stalled-and-restarted job sees it and skips.
 * A platform error removes the row again and rethrows, so the job's retry posts. A worker killed between the row
 * and the call loses that one post (at most once); the SLA re-post is the safety net.
 * @returns true when this call posted, false when a post already existed
 */
export async function postToAgentChannel(db: Db, channel: AgentChannel, view: EscalationView, kind: AgentPostKind, faults?: PostFaults): Promise<boolean> {
  const id = randomUUID();
  const inserted = await db.$executeRaw`
    INSERT INTO "AgentPost" ("id", "escalationId", "channel", "kind", "createdAt") VALUES (${id}, ${view.id}, ${channel.name}, ${kind}, now())
    ON CONFLICT ("escalationId", "channel", "kind") DO NOTHING`;
  if (inserted === 0) return false;
  await faults?.afterPostRecorded?.(view.id, channel.name);
  let externalRef: string;
  try {
    ({ externalRef } = await channel.postEscalation(view, kind));
  } catch (err) {
    await db.$executeRaw`DELETE FROM "AgentPost" WHERE "id" = ${id}`.catch(() => undefined);
    throw err;
  }
  await db.$executeRaw`UPDATE "AgentPost" SET "externalRef" = ${externalRef} WHERE "id" = ${id}`;
  return true;
}
