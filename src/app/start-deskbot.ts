import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { createPipeline } from '../conversation/pipeline.js';
import type { ChannelAdapter, TurnHandler } from '../core/adapter.js';
import type { ChannelName } from '../core/message.js';
import { createEscalationSystem } from '../escalation/index.js';
import { registerAgentRoutes } from '../agent-desk/http/register-agent-routes.js';
import { agentConsoleSessions } from '../agent-desk/http/agent-console-sessions.js';
import { findAgentById } from '../agent-desk/create-agent.js';
import { registerQueueDashboard } from '../admin/register-queue-dashboard.js';
import { findAdminByToken } from '../admin/accounts/admin-accounts.js';
import { registerAdminRoutes } from '../admin/http/register-admin-routes.js';
import { createEvaluationRunner } from '../admin/evaluation/evaluation-runner.js';
import { ensureLiveVersion, watchLiveModel } from '../model-versions/index.js';
import { pingDatabase } from '../db/ping.js';
import { createHttpServer } from '../http/create-http-server.js';
import { registerOperationalRoutes } from '../http/health-routes.js';
import { registerStartUpGate } from '../http/start-up-gate.js';
import { createMetrics } from '../observability/metrics.js';
import { pingRedis } from '../redis/connection.js';
import { seedIfEmpty } from '../seed/seed-if-empty.js';
import type { AgentChannel } from '../core/agent-channel.js';
import { createWebAgentChannel } from '../escalation/web-agent-channel.js';
import { loadRequestForms } from '../conversation/request-forms.js';
import { startInfrastructure, type Infrastructure } from './infrastructure.js';
import { startServiceHolder, type ServiceHolder } from './service-holder.js';
import type { CatalogTrainer } from './train-catalog-in-worker.js';
import { createOptionalLlm } from './optional-llm.js';
import { registerSlack, registerTeams, registerWeb } from './register-chat-channels.js';
import { startPendingIncidentSweep } from './pending-incident-sweep.js';
import { untilAborted } from '../core/until-aborted.js';

/** A running deskbot. */
export interface RunningDeskbot {
  app: FastifyInstance;
  infrastructure: Infrastructure;
  services: ServiceHolder;
  turns: TurnHandler;
  /** Base URL the HTTP server listens on. */
  url: string;
  /** Stop taking requests, finish the ones in flight, then close databases and embedded servers. */
  close(): Promise<void>;
}

/** What a test may swap in {@link startDeskbot}. */
export interface StartDeskbotOptions {
  /** How start-up trains the intent model; default: in a worker thread (see ServiceHolderOptions.trainAtStart). */
  trainAtStart?: CatalogTrainer;
  /**
   * Aborting it (a stop signal before start-up is done) stops start-up after the step in flight (a training at once),
   * closes whatever was opened so far and rejects with `signal.reason`.
   */
  signal?: AbortSignal;
}

/**
 * The composition root: start databases (or the embedded defaults), migrate and seed, build the pipeline and
 * wire every configured channel adapter onto one HTTP server. The server listens while the intent model trains (in a
 * worker thread), answering only `/healthz`, `/readyz` (503 until the model is ready) and `/metrics` meanwhile;
 * resolves once everything is served. A failed or aborted start-up closes all it opened before it rejects, so the
 * embedded databases are never left behind.
 * @throws DeskbotError `dependency_missing` / `config_invalid`, whatever the first training throws, or
 *   `options.signal.reason` when aborted
 */
export async function startDeskbot(config: Config, logger: Logger, options: StartDeskbotOptions = {}): Promise<RunningDeskbot> {
  const { signal } = options;
  const checkpoint = () => signal?.throwIfAborted();
  const infrastructure = await startInfrastructure(config, logger, { signal });
  const evaluations = createEvaluationRunner();
  let modelWatch: { stop(): Promise<void> } | undefined;
  let pendingSweep: { stop(): Promise<void> } | undefined;
  let app: FastifyInstance | undefined;
  let escalation: ReturnType<typeof createEscalationSystem> | null = null;
  let slack: Awaited<ReturnType<typeof registerSlack>> | undefined;
  try {
    checkpoint();
    const { prisma, redis } = infrastructure;
    const seeded = await seedIfEmpty(prisma, { articlesDir: config.KB_SEED_DIR });
    if (seeded.intents || seeded.articles) logger.info(seeded, 'seeded an empty database');
    checkpoint();
    const firstVersion = await ensureLiveVersion(prisma);
    if (firstVersion) logger.info({ version: firstVersion.number }, 'published the intents as the first model version');
    checkpoint();
    const metrics = createMetrics({ defaultMetrics: true });
    // Adapters register below; the escalation system looks them up when it writes to an employee.
    const channels = new Map<ChannelName, ChannelAdapter>();
    // Escalations go to the web console, and to the Slack and Teams agent channels once those register below.
    const agentChannels: AgentChannel[] = [createWebAgentChannel()];
    escalation = redis && infrastructure.redisUrl
      ? createEscalationSystem({
        prisma, redisUrl: infrastructure.redisUrl, channels: (name) => channels.get(name), logger, queueName: config.ESCALATION_QUEUE,
        agentChannels: () => agentChannels,
        businessHours: config.BUSINESS_HOURS,
        // PGlite serves one connection and does not deliver NOTIFY: the relay polls there instead of listening.
        databaseUrl: infrastructure.embedded.postgres ? undefined : infrastructure.databaseUrl,
      })
      : null;
    // The first training starts here, in a worker, and goes on while the rest is wired and the server listens.
    const { holder: services, ready: modelReady } = startServiceHolder(prisma, {
      thresholds: { act: config.CONFIDENCE_ACT, confirm: config.CONFIDENCE_CONFIRM },
      metrics,
      escalate: escalation?.escalate,
      bridge: escalation?.bridge,
      requestForms: loadRequestForms(),
      llm: createOptionalLlm(config),
      maxParkedIncidents: config.PARKED_INCIDENTS_MAX,
    }, { logger, trainAtStart: options.trainAtStart, signal });
    const turns = createPipeline({ prisma, services: services.current, logger, concurrency: config.TURN_CONCURRENCY });

    app = createHttpServer({ logger, metrics, trustProxy: config.TRUST_PROXY });
    const gate = registerStartUpGate(app);
    registerOperationalRoutes(app, {
      metrics,
      checks: { database: () => pingDatabase(prisma), redis: () => (redis ? pingRedis(redis) : Promise.resolve(false)), model: async () => gate.isOpen() },
    });
    const web = await registerWeb(app, config, { turns, prisma, rateLimitRedis: infrastructure.rateLimitRedis, logger });
    channels.set('web', web.adapter);
    await registerAdminRoutes(app, {
      prisma, live: services, runner: evaluations, logger, thresholds: { act: config.CONFIDENCE_ACT, confirm: config.CONFIDENCE_CONFIRM },
    });
    const teams = await registerTeams(app, config, { turns, prisma, desk: escalation?.desk, logger });
    if (teams) {
      channels.set('teams', teams.adapter);
      if (teams.agentChannel) agentChannels.push(teams.agentChannel);
    }
    slack = await registerSlack(app, config, { turns, prisma, journalPool: infrastructure.journalPool, desk: escalation?.desk, logger });
    if (slack) {
      channels.set('slack', slack.adapter);
      if (slack.agentChannel) agentChannels.push(slack.agentChannel);
    }
    if (escalation) {
      const sessions = agentConsoleSessions(prisma, (id) => findAgentById(prisma, id));
      await registerAgentRoutes(app, { desk: escalation.desk, logger, sessions });
      await registerQueueDashboard(app, {
        queues: [escalation.queue], adminToken: config.ADMIN_TOKEN,
        isAdminAccountToken: async (token) => (await findAdminByToken(prisma, token)) !== null,
      });
    }
    checkpoint();
    const url = await app.listen({ port: config.PORT, host: config.HOST });
    logger.info({ url }, 'answering health checks while the intent model trains');
    await untilAborted(modelReady, signal);
    // PGlite does not deliver NOTIFY: there the poll alone picks up publishes and article edits.
    modelWatch = watchLiveModel({
      sync: services.sync, databaseUrl: infrastructure.embedded.postgres ? undefined : infrastructure.databaseUrl, pollMs: config.MODEL_SYNC_SECONDS * 1000, logger,
    });
    // Background work starts only once the model is ready, so a start-up whose training fails leaves none running.
    checkpoint();
    await escalation?.start();
    // Every reported incident gets logged, answered or not (ITIL); on PGlite too, as it needs only the database.
    pendingSweep = startPendingIncidentSweep({
      prisma, services: services.current, channels: (name) => channels.get(name), logger, minutes: config.PENDING_INCIDENT_MINUTES,
      // With Redis the escalation worker sends the notices (retries, dashboard); without it the sweep does.
      queued: Boolean(escalation),
    });
    checkpoint();
    gate.open();
    await slack?.start();
    checkpoint();
    logger.info({ url, slack: Boolean(slack), teams: Boolean(teams) }, 'deskbot is listening');
    const server = app;
    const started = { escalation, slack };
    return {
      app: server, infrastructure, services, turns, url,
      async close() {
        await server.close();
        await started.slack?.stop();
        await modelWatch?.stop();
        await pendingSweep?.stop();
        await evaluations.close();
        await stopEscalation(started.escalation);
        await infrastructure.close();
      },
    };
  } catch (err) {
    // Close in the same order as close() above, whatever had been opened when start-up failed or was stopped.
    await app?.close().catch((e: unknown) => logger.warn({ err: e }, 'closing the HTTP server failed'));
    if (signal?.aborted) logger.info('start-up stopped; closing what it had opened');
    await slack?.stop().catch(() => undefined);
    await modelWatch?.stop();
    await pendingSweep?.stop();
    await evaluations.close();
    await stopEscalation(escalation);
    await infrastructure.close();
    throw err;
  }
}

/** Stop the escalation system's relay, worker and queue connections; safe before `start()`. */
async function stopEscalation(escalation: { stop(): Promise<void> } | null | undefined): Promise<void> {
  // With Redis gone, BullMQ's close waits for a connection that never comes: don't let it hold the shutdown.
  await Promise.race([escalation?.stop().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
}
