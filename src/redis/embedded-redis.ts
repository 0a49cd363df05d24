import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { DeskbotError } from '../core/errors.js';
import { freePort } from './free-port.js';
import { pingOnce } from './wait-for-pong.js';

/** A private redis-server child process: its URL and how to stop it. */
export interface EmbeddedRedis {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  /** SIGTERM, then SIGKILL after 5 s; resolves when the process is gone. Safe to call twice. */
  stop(): Promise<void>;
}

/** Options mostly for tests. */
export interface EmbeddedRedisOptions {
  /** Program to run; `redis-server` (looked up on PATH) by default. */
  binary?: string;
  /** How long to wait for the first PONG (default 10 s). */
  startTimeoutMs?: number;
}

/**
 * Start a private `redis-server` from PATH on 127.0.0.1 at a free port, without persistence (`--save "" --appendonly no`),
 * in the foreground as a child of this process, and wait until it answers PING. BullMQ's queues live there.
 * @param dataDir deskbot's data directory; the server's working directory is `<dataDir>/redis`
 * @throws DeskbotError `dependency_missing` (one line, saying how to fix it) when there is no redis-server on PATH;
 *   `internal` with the server's output when it exits or does not answer in time
 */
export async function startEmbeddedRedis(dataDir: string, logger: Logger, options: EmbeddedRedisOptions = {}): Promise<EmbeddedRedis> {
  const dir = path.join(dataDir, 'redis');
  await mkdir(dir, { recursive: true });
  const binary = options.binary ?? 'redis-server';
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      const child = await launch(binary, port, dir, options.startTimeoutMs ?? 10_000);
      logger.info({ port, pid: child.pid }, 'embedded redis-server started');
      return { url: `redis://127.0.0.1:${port}`, stop: once(() => terminate(child, logger)) };
    } catch (err) {
      // Another process may have taken the port between freePort() and the server's bind: try another.
      if (!(err instanceof PortTaken) || attempt === 3) throw err instanceof PortTaken ? err.failure : err;
    }
  }
}

class PortTaken extends Error {
  constructor(readonly failure: DeskbotError) {
    super(failure.message);
  }
}

async function launch(binary: string, port: number, dir: string, timeoutMs: number): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', dir];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const exited = new Promise<Error>((resolve) => {
    child.once('error', (err) => resolve(err));
    child.once('exit', (code, signal) => resolve(new Error(`redis-server exited (${signal ?? `code ${code}`})`)));
  });
  const giveUp = new AbortController();
  const failure = await Promise.race([exited, waitForPong(port, timeoutMs, giveUp.signal)]);
  giveUp.abort();
  if (failure === null) return child;
  child.kill('SIGKILL');
  if ((failure as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new DeskbotError('dependency_missing', `${binary} not found on PATH: install Redis (apt-get install redis-server) or set REDIS_URL`);
  }
  const error = new DeskbotError('internal', `${failure.message}: ${output.trim()}`, { cause: failure });
  throw /Address already in use/i.test(output) ? new PortTaken(error) : error;
}

// Resolves null once the server answers, or an Error when it has not after `timeoutMs`.
async function waitForPong(port: number, timeoutMs: number, signal: AbortSignal): Promise<Error | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !signal.aborted) {
    if (await pingOnce(port)) return null;
    await sleep(50);
  }
  return new Error(`redis-server did not answer PING within ${timeoutMs} ms`);
}

async function terminate(child: ChildProcess, logger: Logger): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
  logger.info('embedded redis-server stopped');
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
