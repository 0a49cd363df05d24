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
  try {
    await seedIfEmpty(infrastructure.prisma);
    return await fn(infrastructure.prisma);
  } finally {
    await infrastructure.close();
  }
}
