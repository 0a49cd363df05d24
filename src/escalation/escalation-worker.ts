import { DelayedError, Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Db, PrismaClient } from '../db/client.js';
import { deliverEmployeeNotice, markNoticeFailed, NoticeBusyError } from '../notices/deliver-employee-notice.js';
import type { Redis } from '../redis/connection.js';
import type { ChannelLookup } from '../agent-desk/send-to-employee.js';
import { buildEscalationViews } from '../agent-desk/escalation-view.js';
import type { AgentChannelRouter } from './agent-channel.js';
import type { createBusinessHours } from './business-hours.js';
import type { EscalationJobData } from './escalation-jobs.js';
import { notifyIfUnstaffed } from './notify-unstaffed.js';
import { postToAgentChannel, type PostFaults } from './post-to-agents.js';
import { refreshAgentPosts, relayToAgentThreads } from './update-agent-posts.js';
import { repeatFilter } from '../observability/repeat-filter.js';

/** What the worker needs. */
export interface EscalationWorkerDeps {
  /** The client itself, not a transaction: `post` jobs open their own. */
  db: PrismaClient;
  queueName: string;
  /** A connection of its own (BullMQ blocks on it); `maxRetriesPerRequest: null`. */
  redis: Redis;
  agentChannels: AgentChannelRouter;
  channels: ChannelLookup;
  hours: ReturnType<typeof createBusinessHours>;
  logger: Logger;
  clock?: () => Date;
  /** Jobs processed at once (default 16). */
  concurrency?: number;
  /** BullMQ lock duration and stalled-job check interval in ms (defaults 30000); short in tests. */
  lockDuration?: number;
  stalledInterval?: number;
  faults?: PostFaults;
}

/** Still waiting for an agent. */
const unclaimed = new Set(['pending', 'queued', 'posted']);

/**
 * The BullMQ worker of escalations. `post`: show the escalation on its group's agent channels (once each), mark
 * it posted, and in the same transaction write the "nobody can take it" notice when so. `sla` (delayed to the SLA
 * response target): if still unclaimed, mark it overdue and re-post it (kind `overdue`). Escalations already claimed or resolved are skipped.
 * `sync` and `relay` keep chat-platform agent channels in step (see update-agent-posts.ts). `notice` sends a proactive
 * EmployeeNotice at most once; after its last attempt it is marked failed and logged as an error (the job stays in the
 * dashboard).
 */
export function startEscalationWorker(deps: EscalationWorkerDeps): Worker<EscalationJobData> {
  const clock = deps.clock ?? (() => new Date());
  const worker = new Worker<EscalationJobData>(deps.queueName, (job, token) => process(deps, job, clock, token), {
    connection: deps.redis,
    concurrency: deps.concurrency ?? 16,
    lockDuration: deps.lockDuration ?? 30_000,
    stalledInterval: deps.stalledInterval ?? 30_000,
  });
  const fresh = repeatFilter();
  worker.on('error', (err) => { if (fresh(err.message)) deps.logger.warn({ err }, 'escalation worker error'); });
  worker.on('failed', (job, err) => {
    deps.logger.warn({ err, jobId: job?.id, attempts: job?.attemptsMade }, 'escalation job failed');
    if (job?.name === 'notice' && job.data.noticeId && job.attemptsMade >= (job.opts.attempts ?? 1)) void giveUpOnNotice(deps, job.data, err);
  });
  return worker;
}

async function process(deps: EscalationWorkerDeps, job: Job<EscalationJobData>, clock: () => Date, token?: string): Promise<string> {
  const id = job.data.escalationId;
  if (job.name === 'sla') return reportOverdue(deps, id, clock);
  if (job.name === 'sync') return refreshAgentPosts(deps.db, deps.agentChannels, id);
  if (job.name === 'notice') return job.data.noticeId ? sendNotice(deps, job, job.data.noticeId, token) : 'skipped';
  if (job.name === 'relay') return job.data.messageId ? relayToAgentThreads(deps.db, deps.agentChannels, id, job.data.messageId) : 'skipped';
  const [view] = await buildEscalationViews(deps.db, [{ id }]);
  if (!view || !unclaimed.has(view.status)) return 'skipped';
  for (const channel of deps.agentChannels(view.assignmentGroup)) await postToAgentChannel(deps.db, channel, view, 'initial', deps.faults);
  const now = clock();
  // The "nobody is available" notice commits with the post, or neither does and the job's retry does both.
  await deps.db.$transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const rows = await tx.$queryRaw<Array<{ conversationId: string }>>`
      UPDATE "Escalation" SET "status" = 'posted', "postedAt" = ${now}, "updatedAt" = ${now}
      WHERE "id" = ${id} AND "status" IN ('pending', 'queued') RETURNING "conversationId"`;
    if (rows[0]) await notifyIfUnstaffed(tx, deps.hours, view, rows[0].conversationId, now);
  });
  return 'posted';
}

async function reportOverdue(deps: EscalationWorkerDeps, id: string, clock: () => Date): Promise<string> {
  const now = clock();
  const marked = await deps.db.$executeRaw`
    UPDATE "Escalation" SET "overdue" = true, "updatedAt" = ${now}
    WHERE "id" = ${id} AND "status" IN ('pending', 'queued', 'posted')`;
  if (!marked) return 'skipped';
  const [view] = await buildEscalationViews(deps.db, [{ id }]);
  if (!view) return 'skipped';
  for (const channel of deps.agentChannels(view.assignmentGroup)) await postToAgentChannel(deps.db, channel, view, 'overdue', deps.faults);
  return 'overdue';
}

/** How often a notice waiting behind an older unsent one of its conversation looks again, in ms. */
const behindRetryMs = 5_000;
/**
 * How long a notice may wait behind an older one before its waits count as attempts (ms): longer than the older
 * notice's own retries (8 with exponential backoff from 1 s, about 2 minutes) and a few no-Redis sweeps.
 */
const behindWaitMs = 15 * 60_000;

/**
 * Send a notice. While an older notice of the same conversation is unsent, wait (the job is delayed) without using up
 * an attempt: the newer notice's retries are for its own failures, not the older one's.
 */
async function sendNotice(deps: EscalationWorkerDeps, job: Job<EscalationJobData>, noticeId: string, token?: string): Promise<string> {
  try {
    return await deliverEmployeeNotice(deps.db, deps.channels, noticeId);
  } catch (err) {
    if (!(err instanceof NoticeBusyError) || err.reason !== 'behind' || !token) throw err;
    const since = job.data.behindSince ?? Date.now();
    if (Date.now() - since > behindWaitMs) throw err;
    if (job.data.behindSince === undefined) await job.updateData({ ...job.data, behindSince: since });
    await job.moveToDelayed(Date.now() + behindRetryMs, token);
    throw new DelayedError();
  }
}

async function giveUpOnNotice(deps: EscalationWorkerDeps, data: EscalationJobData, err: Error): Promise<void> {
  const marked = await markNoticeFailed(deps.db, data.noticeId!, err.message).catch(() => false);
  if (marked) {
    deps.logger.error({ err, noticeId: data.noticeId, conversationId: data.conversationId, ticket: data.ticketNumber }, 'gave up telling the employee; the notice is marked failed');
  }
}
