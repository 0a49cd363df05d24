import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import type { Redis } from '../redis/connection.js';
import { defaultJobOptions, jobIds, type EscalationJobData } from './escalation-jobs.js';
import { queueEmployeeNotices } from '../notices/queue-employee-notices.js';
import { queueChannelUpdates } from './queue-channel-updates.js';

/** What the relay needs. */
export interface OutboxRelayDeps {
  db: Db;
  queue: Queue<EscalationJobData>;
  /** The queue's connection: while it is not `ready` the relay leaves rows pending instead of piling up commands. */
  redis: Redis;
  logger: Logger;
  /** Poll interval in ms (default 250). */
  pollMs?: number;
  /** Rows moved per round trip (default 200). */
  batchSize?: number;
  /** Give up on one addBulk after this many ms (default 5000); the rows stay pending and are tried again. */
  addTimeoutMs?: number;
  clock?: () => Date;
}

/** A running relay. `nudge()` runs a pass now (after a commit); `pass()` runs one and resolves with rows moved. */
export interface OutboxRelay {
  nudge(): void;
  pass(): Promise<number>;
  stop(): Promise<void>;
}

interface PendingRow {
  id: string;
  conversationId: string;
  reason: string;
  number: string | null;
  title: string | null;
  responseDueAt: Date | null;
}

/**
 * Move pending escalations into BullMQ: a `post` job (job id = escalation id, so a duplicate cannot be queued)
 * and a delayed `sla` job at the ticket's SLA response target; then mark the rows queued. While Redis is down the
 * rows stay pending and drain when it returns. Several relays may run at once: the job ids keep them from
 * queuing anything twice. The same pass queues agent-channel refreshes and employee-message relays
 * ({@link queueChannelUpdates}), and proactive notices to employees ({@link queueEmployeeNotices}).
 */
export function startOutboxRelay(deps: OutboxRelayDeps): OutboxRelay {
  const pollMs = deps.pollMs ?? 250;
  const clock = deps.clock ?? (() => new Date());
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = false;

  const pass = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = drain(deps, clock).finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        void pass();
      }
    });
    return running;
  };
  const tick = () => void pass().catch((err) => deps.logger.warn({ err }, 'escalation relay pass failed; rows stay pending'));
  const timer = setInterval(tick, pollMs);
  tick();
  return {
    nudge: tick,
    pass,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}

async function drain(deps: OutboxRelayDeps, clock: () => Date): Promise<number> {
  const batchSize = deps.batchSize ?? 200;
  let moved = 0;
  while (deps.redis.status === 'ready') {
    const rows = await deps.db.$queryRaw<PendingRow[]>`
      SELECT e."id", e."conversationId", e."reason", t."number", t."title", t."responseDueAt"
      FROM "Escalation" e LEFT JOIN "Ticket" t ON t."id" = e."ticketId"
      WHERE e."status" = 'pending' ORDER BY e."createdAt" LIMIT ${batchSize}`;
    if (!rows.length) break;
    await withTimeout(deps.queue.addBulk(rows.flatMap((r) => jobsFor(r, clock()))), deps.addTimeoutMs ?? 5000);
    await deps.db.$executeRaw`
      UPDATE "Escalation" SET "status" = 'queued', "queuedAt" = ${clock()}, "updatedAt" = ${clock()}
      WHERE "id" = ANY(${rows.map((r) => r.id)}::text[]) AND "status" = 'pending'`;
    moved += rows.length;
    if (rows.length < batchSize) break;
  }
  if (deps.redis.status === 'ready') await withTimeout(queueChannelUpdates(deps.db, deps.queue, batchSize), deps.addTimeoutMs ?? 5000);
  if (deps.redis.status === 'ready') moved += await withTimeout(queueEmployeeNotices(deps.db, deps.queue, batchSize), deps.addTimeoutMs ?? 5000);
  return moved;
}

function jobsFor(row: PendingRow, now: Date) {
  const data: EscalationJobData = { escalationId: row.id, ticketNumber: row.number, summary: row.title, conversationId: row.conversationId, reason: row.reason };
  const post = { name: 'post', data, opts: { ...defaultJobOptions, jobId: jobIds.post(row.id) } };
  if (!row.responseDueAt) return [post];
  const delay = Math.max(0, row.responseDueAt.getTime() - now.getTime());
  return [post, { name: 'sla', data, opts: { ...defaultJobOptions, jobId: jobIds.sla(row.id), delay } }];
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
