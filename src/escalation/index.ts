/** Escalation to human agents: transactional outbox → relay → BullMQ → worker → agent channels; the desk and the bridge. */
import { Queue, type Worker } from 'bullmq';
import type { Logger } from 'pino';
import type { PrismaClient } from '../db/client.js';
import type { EscalationRequest, TurnServices } from '../conversation/turn.js';
import type { Db } from '../db/client.js';
import type { AgentDesk } from '../agent-desk/types.js';
import { createAgentDesk } from '../agent-desk/create-agent-desk.js';
import type { ChannelLookup } from '../agent-desk/send-to-employee.js';
import { createRedis, type Redis } from '../redis/connection.js';
import type { AgentChannelRouter } from './agent-channel.js';
import { createBusinessHours, type BusinessHours } from './business-hours.js';
import { createBridgeHook } from './create-bridge-hook.js';
import { createEscalationHook } from './create-escalation-hook.js';
import { defaultQueueName, type EscalationJobData } from './escalation-jobs.js';
import { startEscalationWorker } from './escalation-worker.js';
import { listenForEscalations } from './listen-for-escalations.js';
import { startOutboxRelay, type OutboxRelay } from './outbox-relay.js';
import type { PostFaults } from './post-to-agents.js';
import { createWebAgentChannel } from './web-agent-channel.js';
import { sweepSlaRisk } from './sweep-sla-risk.js';
import { repeatFilter } from '../observability/repeat-filter.js';

export type { AgentChannel, AgentChannelRouter, AgentPostKind } from './agent-channel.js';
export type { BusinessHours } from './business-hours.js';
export type { EscalationJobData, EscalationJobName } from './escalation-jobs.js';
export { createBusinessHours } from './business-hours.js';
export { createBridgeHook } from './create-bridge-hook.js';
export { createEscalationHook } from './create-escalation-hook.js';
export { defaultQueueName, defaultJobOptions, jobIds } from './escalation-jobs.js';
export { startEscalationWorker, type EscalationWorkerDeps } from './escalation-worker.js';
export { listenForEscalations } from './listen-for-escalations.js';
export { startOutboxRelay, type OutboxRelay, type OutboxRelayDeps } from './outbox-relay.js';
export { postToAgentChannel, type PostFaults } from './post-to-agents.js';
export { createWebAgentChannel } from './web-agent-channel.js';
export { sweepSlaRisk, slaRiskShare } from './sweep-sla-risk.js';

/** Everything the escalation system needs from the composition root. */
export interface EscalationSystemDeps {
  prisma: PrismaClient;
  /** `redis://…` of the Redis that holds the queue. */
  redisUrl: string;
  /** Channel adapters that reach employees (agent replies, "nobody is available", rating prompts). */
  channels: ChannelLookup;
  logger: Logger;
  /** BullMQ queue name (default `deskbot-escalations`; must not contain `:`). */
  queueName?: string;
  /** Relay poll interval in ms (default 250). */
  pollMs?: number;
  /** The database URL, to LISTEN for committed escalations so the relay moves them at once; polling only without it. */
  databaseUrl?: string;
  /** When agents work; always open when omitted. */
  businessHours?: BusinessHours;
  /** Agent channels per assignment group; the web agent console for every group by default. */
  agentChannels?: AgentChannelRouter;
  /** How often to look for tickets whose SLA response target is near with nobody on them, in ms (default 30 s). */
  slaSweepMs?: number;
  /** Worker concurrency (default 16). */
  concurrency?: number;
  /** Run the worker in this process (default true); false for an instance that only relays. */
  runWorker?: boolean;
  /** BullMQ lock and stalled-check intervals in ms (tests use short ones). */
  lockDuration?: number;
  stalledInterval?: number;
  faults?: PostFaults;
  clock?: () => Date;
}

/** The running pieces. `escalate` and `bridge` go into TurnServices; `desk` backs the agent API and console. */
export interface EscalationSystem {
  escalate: (db: Db, request: EscalationRequest) => Promise<void>;
  bridge: NonNullable<TurnServices['bridge']>;
  desk: AgentDesk;
  /** Start the relay, its LISTEN connection and the worker. Does not wait for Redis: rows stay pending until it answers. */
  start(): Promise<void>;
  /** Stop relay, worker and queue and close their Redis connections; in-flight jobs finish first. */
  stop(): Promise<void>;
  queue: Queue<EscalationJobData>;
  /** The relay once started (tests call `pass()`). */
  relay(): OutboxRelay | null;
  worker(): Worker<EscalationJobData> | null;
}

/**
 * Build the escalation system: the outbox hook, the bridge hook, the agent desk, and (on start) the outbox relay
 * and the BullMQ worker that posts to agent channels.
 * @throws RangeError when `businessHours` is invalid (unknown time zone, bad HH:MM)
 */
export function createEscalationSystem(deps: EscalationSystemDeps): EscalationSystem {
  const queueName = deps.queueName ?? defaultQueueName;
  const hours = createBusinessHours(deps.businessHours);
  const queueRedis = quiet(createRedis(deps.redisUrl), deps.logger);
  const queue = new Queue<EscalationJobData>(queueName, { connection: queueRedis });
  const freshQueueError = repeatFilter();
  queue.on('error', (err) => { if (freshQueueError(err.message)) deps.logger.warn({ err }, 'escalation queue error'); });
  const desk = createAgentDesk({ prisma: deps.prisma, channels: deps.channels, logger: deps.logger, clock: deps.clock });
  let relay: OutboxRelay | null = null;
  let worker: Worker<EscalationJobData> | null = null;
  let workerRedis: Redis | null = null;
  let listener: { stop(): Promise<void> } | null = null;
  let sweeper: NodeJS.Timeout | null = null;

  return {
    escalate: createEscalationHook(),
    bridge: createBridgeHook(),
    desk,
    queue,
    relay: () => relay,
    worker: () => worker,
    async start() {
      if (relay) return;
      relay = startOutboxRelay({ db: deps.prisma, queue, redis: queueRedis, logger: deps.logger, pollMs: deps.pollMs, clock: deps.clock });
      const r = relay;
      if (deps.databaseUrl) listener = listenForEscalations(deps.databaseUrl, () => r.nudge(), deps.logger);
      queueRedis.on('ready', () => r.nudge());
      sweeper = setInterval(() => {
        sweepSlaRisk(deps.prisma).then((n) => { if (n) r.nudge(); }, (err: unknown) => deps.logger.warn({ err }, 'SLA risk sweep failed'));
      }, deps.slaSweepMs ?? 30_000);
      sweeper.unref();
      if (deps.runWorker === false) return;
      workerRedis = quiet(createRedis(deps.redisUrl), deps.logger);
      worker = startEscalationWorker({
        db: deps.prisma, queueName, redis: workerRedis, agentChannels: deps.agentChannels ?? (() => [webChannel]), channels: deps.channels,
        hours, logger: deps.logger, clock: deps.clock, concurrency: deps.concurrency, lockDuration: deps.lockDuration,
        stalledInterval: deps.stalledInterval, faults: deps.faults,
      });
    },
    async stop() {
      if (sweeper) clearInterval(sweeper);
      sweeper = null;
      await relay?.stop();
      await listener?.stop();
      await worker?.close();
      await queue.close();
      queueRedis.disconnect();
      workerRedis?.disconnect();
      relay = null;
      worker = null;
    },
  };
}

const webChannel = createWebAgentChannel();

// Without a listener ioredis prints every reconnect failure; log them once per state change instead.
function quiet(redis: Redis, logger: Logger): Redis {
  let last = '';
  redis.on('error', (err: Error) => {
    if (err.message !== last) logger.warn({ err: err.message }, 'escalation redis connection error');
    last = err.message;
  });
  redis.on('ready', () => (last = ''));
  return redis;
}
