import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { createPipeline } from '../conversation/pipeline.js';
import type { ChannelAdapter, TurnHandler } from '../core/adapter.js';
import type { ChannelName } from '../core/message.js';
import { createEscalationSystem } from '../escalation/index.js';
import { registerAgentRoutes } from '../agent-desk/http/register-agent-routes.js';
import { registerQueueDashboard } from '../admin/register-queue-dashboard.js';
import { pingDatabase } from '../db/ping.js';
import { createHttpServer } from '../http/create-http-server.js';
import { registerOperationalRoutes } from '../http/health-routes.js';
import { createMetrics } from '../observability/metrics.js';
import { pingRedis } from '../redis/connection.js';
import { seedIfEmpty } from '../seed/seed-if-empty.js';
import { redactSecrets } from '../redaction/redact.js';
import { createPrismaTranscriptStore } from '../transcripts/prisma-transcript-store.js';
import { registerWebChannel } from '../../adapters/web/index.js';
import { startInfrastructure, type Infrastructure } from './infrastructure.js';
import { createServiceHolder, type ServiceHolder } from './service-holder.js';
import { createOptionalLlm } from './optional-llm.js';
import { directLineTokenKey } from './direct-line-token-key.js';

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

/**
 * The composition root: start databases (or the embedded defaults), migrate and seed, build the pipeline and
 * wire every configured channel adapter onto one HTTP server.
 */
export async function startDeskbot(config: Config, logger: Logger): Promise<RunningDeskbot> {
  const infrastructure = await startInfrastructure(config, logger);
  try {
    const { prisma, redis } = infrastructure;
    const seeded = await seedIfEmpty(prisma);
    if (seeded.intents || seeded.articles) logger.info(seeded, 'seeded an empty database');
    const metrics = createMetrics({ defaultMetrics: true });
    // Adapters register below; the escalation system looks them up when it writes to an employee.
    const channels = new Map<ChannelName, ChannelAdapter>();
    const escalation = redis && infrastructure.redisUrl
      ? createEscalationSystem({
        prisma, redisUrl: infrastructure.redisUrl, channels: (name) => channels.get(name), logger, queueName: config.ESCALATION_QUEUE,
        // PGlite serves one connection and does not deliver NOTIFY: the relay polls there instead of listening.
        databaseUrl: infrastructure.embedded.postgres ? undefined : infrastructure.databaseUrl,
      })
      : null;
    const services = await createServiceHolder(prisma, {
      thresholds: { act: config.CONFIDENCE_ACT, confirm: config.CONFIDENCE_CONFIRM },
      metrics,
      escalate: escalation?.escalate,
      bridge: escalation?.bridge,
      llm: createOptionalLlm(config),
    });
    const turns = createPipeline({ prisma, services: services.current, logger });

    const app = createHttpServer({ logger, metrics });
    registerOperationalRoutes(app, { metrics, checks: { database: () => pingDatabase(prisma), redis: () => (redis ? pingRedis(redis) : Promise.resolve(false)) } });
    const web = await registerWebChannel(app, {
      turns,
      store: createPrismaTranscriptStore(prisma),
      tokenKey: await directLineTokenKey(config),
      secret: config.DIRECTLINE_SECRET,
      tokenTtlSeconds: config.DIRECTLINE_TOKEN_TTL_MINUTES * 60,
      redact: (text) => redactSecrets(text).text,
      logger,
    });
    channels.set('web', web.adapter);
    if (escalation) {
      await registerAgentRoutes(app, { desk: escalation.desk, logger });
      if (config.ADMIN_TOKEN) await registerQueueDashboard(app, { queues: [escalation.queue], adminToken: config.ADMIN_TOKEN });
      await escalation.start();
    }
    const url = await app.listen({ port: config.PORT, host: config.HOST });
    logger.info({ url }, 'deskbot is listening');
    return {
      app, infrastructure, services, turns, url,
      async close() {
        await app.close();
        // With Redis gone, BullMQ's close waits for a connection that never comes: don't let it hold the shutdown.
        await Promise.race([escalation?.stop(), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
        await infrastructure.close();
      },
    };
  } catch (err) {
    await infrastructure.close();
    throw err;
  }
}
