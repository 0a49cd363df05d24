import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { acquireDataDirLock } from './data-dir-lock.js';

/** A running embedded PostgreSQL: its connection URL and how to stop it. */
export interface EmbeddedPostgres {
  /** `postgresql://postgres:postgres@127.0.0.1:<port>/postgres`; the server ignores user, password and database name. */
  url: string;
  /** Close the socket server and PGlite (which flushes the data directory), then release the lock. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Start PostgreSQL in-process (PGlite, PostgreSQL 18 in WASM) on `<dataDir>/pg`, served over the PostgreSQL wire
 * protocol on 127.0.0.1 at a free port, so Prisma's pg adapter and `prisma migrate deploy` work unchanged.
 * It serves one client connection at a time: use `createPrisma(url, 1)` and run migrations before the app connects.
 * @param dataDir deskbot's data directory (created if missing); the lock file is `<dataDir>/pg.lock`
 * @throws DeskbotError `config_invalid` when another running process uses the same data directory
 */
export async function startEmbeddedPostgres(dataDir: string, logger: Logger): Promise<EmbeddedPostgres> {
  await mkdir(dataDir, { recursive: true });
  const lock = await acquireDataDirLock(path.join(dataDir, 'pg.lock'), `the embedded database in ${dataDir}`);
  let db: PGlite | undefined;
  try {
    const started = Date.now();
    db = await PGlite.create(path.join(dataDir, 'pg'));
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
    const port = Number(server.getServerConn().split(':').pop());
    logger.info({ port, dataDir, ms: Date.now() - started }, 'embedded PostgreSQL (PGlite) started');
    return { url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`, stop: once(() => shutdown(server, db!, lock, logger)) };
  } catch (err) {
    await db?.close().catch(() => undefined);
    await lock.release();
    throw err;
  }
}

async function shutdown(server: PGLiteSocketServer, db: PGlite, lock: { release(): Promise<void> }, logger: Logger): Promise<void> {
  try {
    await server.stop();
    await db.close();
    logger.info('embedded PostgreSQL stopped');
  } finally {
    await lock.release();
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
