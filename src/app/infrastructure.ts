import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { Config } from '../config/config.js';
import { createPrisma, type PrismaClient } from '../db/client.js';
import { createJournalPool } from '../db/journal-pool.js';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { applyMigrations } from '../db/apply-migrations.js';
import { pendingMigrations } from '../db/pending-migrations.js';
import { startEmbeddedRedis } from '../redis/embedded-redis.js';
import { createFailFastRedis, createRedis } from '../redis/connection.js';

/** The databases deskbot runs on, real or embedded, with one way to close them all. */
export interface Infrastructure {
  prisma: PrismaClient;
  /**
   * Connections of the write-ahead journal's own (JOURNAL_DB_CONNECTIONS), so Slack acknowledgements do not wait for
   * Prisma's; null on the embedded database (one connection: Prisma's) or when set to 0.
   */
  journalPool: pg.Pool | null;
  /** Null only when started with `redis: false` (CLI tools that need no queue). */
  redis: Redis | null;
  /**
   * A second connection to the same Redis for the web chat's rate limits, which every instance counts in: it fails
   * fast instead of waiting for a reconnect, so an outage lifts the limits rather than holding requests. Null when
   * `redis` is.
   */
  rateLimitRedis: Redis | null;
  /** URLs of the databases in use (the embedded ones when their variables are unset). */
  databaseUrl: string;
  redisUrl: string | null;
  embedded: { postgres: boolean; redis: boolean };
  close(): Promise<void>;
}

/**
 * Connect to PostgreSQL and Redis, or start the embedded defaults when their URLs are unset: PGlite under
 * `DATA_DIR/pg` (one connection at a time, so the pool has one) and a private `redis-server` from PATH.
 * Pending migrations are applied before the app connects. `options.signal` aborted (a stop signal during start-up)
 * stops it after the step in flight (a migration is not cut short), closing what it started.
 * @throws DeskbotError `dependency_missing` when Redis is needed from PATH and there is none; `signal.reason` when aborted
 */
export async function startInfrastructure(
  config: Config, logger: Logger, options: { redis?: boolean; signal?: AbortSignal } = {},
): Promise<Infrastructure> {
  const stops: Array<() => Promise<void>> = [];
  const checkpoint = () => options.signal?.throwIfAborted();
  try {
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      const pg = await startEmbeddedPostgres(config.DATA_DIR, logger);
      stops.push(pg.stop);
      databaseUrl = pg.url;
      logger.info({ dataDir: config.DATA_DIR }, 'DATABASE_URL not set: using embedded PostgreSQL (PGlite)');
    }
    checkpoint();
    if ((await pendingMigrations(databaseUrl)).length) await applyMigrations(databaseUrl, logger);
    checkpoint();
    let redisUrl = config.REDIS_URL;
    if (!redisUrl && options.redis !== false) {
      const redisServer = await startEmbeddedRedis(config.DATA_DIR, logger);
      stops.push(redisServer.stop);
      redisUrl = redisServer.url;
      logger.info('REDIS_URL not set: started a private redis-server');
    }
    checkpoint();
    const prisma = createPrisma(databaseUrl, config.DATABASE_URL ? 20 : 1);
    const journalPool = config.DATABASE_URL && config.JOURNAL_DB_CONNECTIONS > 0
      ? createJournalPool(databaseUrl, config.JOURNAL_DB_CONNECTIONS, logger)
      : null;
    const redis = redisUrl ? createRedis(redisUrl) : null;
    // ioredis reconnects by itself; without a listener each failed attempt would print an unstructured stack.
    let lastRedisError = '';
    redis?.on('error', (err: Error) => {
      if (err.message !== lastRedisError) logger.warn({ err: err.message }, 'redis connection error; retrying');
      lastRedisError = err.message;
    });
    redis?.on('ready', () => (lastRedisError = ''));
    const rateLimitRedis = redisUrl ? createFailFastRedis(redisUrl) : null;
    // The connection above already logs the outage, and the web channel what it means for the limits; without a
    // listener ioredis would print each failed reconnect.
    rateLimitRedis?.on('error', () => undefined);
    return {
      prisma,
      journalPool,
      redis,
      rateLimitRedis,
      databaseUrl,
      redisUrl: redisUrl ?? null,
      embedded: { postgres: !config.DATABASE_URL, redis: !config.REDIS_URL },
      async close() {
        await prisma.$disconnect().catch(() => undefined);
        await journalPool?.end().catch(() => undefined);
        redis?.disconnect();
        rateLimitRedis?.disconnect();
        for (const stop of stops.reverse()) await stop().catch((err) => logger.warn({ err }, 'stopping an embedded service failed'));
      },
    };
  } catch (err) {
    for (const stop of stops.reverse()) await stop().catch((e) => logger.warn({ err: e }, 'stopping an embedded service failed'));
    throw err;
  }
}
