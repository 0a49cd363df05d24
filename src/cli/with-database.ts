import pino from 'pino';
import type { Config } from '../config/config.js';
import type { PrismaClient } from '../db/client.js';
import { startInfrastructure } from '../app/infrastructure.js';
import { seedIfEmpty } from '../seed/seed-if-empty.js';

/** A quiet logger for command-line tools: warnings and errors to stderr, so stdout stays machine-readable. */
export function cliLogger(config: Config) {
  return pino({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL }, pino.destination(2));
}

/**
 * Run `fn` with a migrated, seeded database: DATABASE_URL, or the embedded one under DATA_DIR (which fails clearly
 * while `npm start` holds it). No Redis: command-line tools queue nothing.
 */
export async function withDatabase<T>(config: Config, fn: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  const logger = cliLogger(config);
  const infrastructure = await startInfrastructure(config, logger, { redis: false });
  // Say which database, so a token made in the embedded one is not taken to a bot running on DATABASE_URL.
  process.stderr.write(`deskbot: using ${describeDatabase(config)}\n`);
  try {
    await seedIfEmpty(infrastructure.prisma, { articlesDir: config.KB_SEED_DIR });
    return await fn(infrastructure.prisma);
  } finally {
    await infrastructure.close();
  }
}

/** The database a command works on, without credentials: `postgresql://host:port/name`, or the embedded one's folder. */
export function describeDatabase(config: Config): string {
  if (!config.DATABASE_URL) return `the embedded database in ${config.DATA_DIR} (set DATABASE_URL to use the bot's PostgreSQL)`;
  const url = new URL(config.DATABASE_URL);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}
