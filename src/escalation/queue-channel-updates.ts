import type { Queue } from 'bullmq';
import type { Db } from '../db/client.js';
import { defaultJobOptions, jobIds, type EscalationJobData } from './escalation-jobs.js';

interface SyncRow { id: string; conversationId: string; reason: string; syncVersion: number }
interface RelayRow { id: string; escalationId: string; conversationId: string; reason: string }

/**
 * The second half of the outbox: queue `sync` jobs for escalations whose state changed since their agent-channel
 * posts were last refreshed, and `relay` jobs for employee messages waiting to reach a platform thread (both marked
 * by triggers, see the agent_channel_sync migration), then clear the marks. Job ids carry the version or message id,
 * so racing relays queue nothing twice.
 * @returns how many jobs were queued
 */
export async function queueChannelUpdates(db: Db, queue: Queue<EscalationJobData>, batchSize: number): Promise<number> {
  const syncs = await db.$queryRaw<SyncRow[]>`
    SELECT "id", "conversationId", "reason", "syncVersion" FROM "Escalation"
    WHERE "syncVersion" > "syncedVersion" LIMIT ${batchSize}`;
  const relays = await db.$queryRaw<RelayRow[]>`
    SELECT m."id", m."escalationId", e."conversationId", e."reason" FROM "EscalationMessage" m
    JOIN "Escalation" e ON e."id" = m."escalationId"
    WHERE m."relayPending" ORDER BY m."createdAt" LIMIT ${batchSize}`;
  if (!syncs.length && !relays.length) return 0;
  const data = (escalationId: string, r: { conversationId: string; reason: string }, messageId?: string): EscalationJobData =>
    ({ escalationId, ticketNumber: null, summary: null, conversationId: r.conversationId, reason: r.reason, messageId });
  await queue.addBulk([
    ...syncs.map((r) => ({ name: 'sync', data: data(r.id, r), opts: { ...defaultJobOptions, jobId: jobIds.sync(r.id, r.syncVersion) } })),
    ...relays.map((r) => ({ name: 'relay', data: data(r.escalationId, r, r.id), opts: { ...defaultJobOptions, jobId: jobIds.relay(r.id) } })),
  ]);
  for (const r of syncs) {
    await db.$executeRaw`UPDATE "Escalation" SET "syncedVersion" = GREATEST("syncedVersion", ${r.syncVersion}) WHERE "id" = ${r.id}`;
  }
  if (relays.length) {
    await db.$executeRaw`UPDATE "EscalationMessage" SET "relayPending" = false WHERE "id" = ANY(${relays.map((r) => r.id)}::text[])`;
  }
  return syncs.length + relays.length;
}
