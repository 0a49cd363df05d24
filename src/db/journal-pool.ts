import pg from 'pg';
import type { Logger } from 'pino';

/**
 * A small `pg` pool beside Prisma's for the write-ahead journal, whose insert sits in front of every Slack
 * acknowledgement: on Prisma's pool it would wait for a connection behind turn transactions. Not for the embedded
 * database, which serves one connection (Prisma's).
 * @param url a `postgresql://` connection string
 * @param size connections, at least 1
 */
export function createJournalPool(url: string, size: number, logger: Logger): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: Math.max(1, size), connectionTimeoutMillis: 5000, idleTimeoutMillis: 60_000 });
  // An idle connection that breaks (database restart) is dropped and replaced on the next query; without a listener
  // its error would end the process.
  pool.on('error', (err) => logger.warn({ err: err.message }, 'journal database connection lost; reconnecting on next use'));
  return pool;
}
