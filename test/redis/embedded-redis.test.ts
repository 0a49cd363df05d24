import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import pino from 'pino';
import { startEmbeddedRedis } from '../../src/redis/embedded-redis.js';
import { createRedis, pingRedis } from '../../src/redis/connection.js';
import { pingOnce } from '../../src/redis/wait-for-pong.js';

const logger = pino({ level: 'silent' });
let dataDir: string;
beforeAll(async () => { dataDir = await mkdtemp(path.join(tmpdir(), 'deskbot-redis-')); });
afterAll(async () => { await rm(dataDir, { recursive: true, force: true }); });

test('starts a private redis-server that answers, stores values, and stops', async () => {
  const server = await startEmbeddedRedis(dataDir, logger);
  const port = Number(new URL(server.url).port);
  expect(server.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
  expect(port).not.toBe(6379);
  const redis = createRedis(server.url);
  try {
    expect(await pingRedis(redis)).toBe(true);
    await redis.set('k', 'v');
    expect(await redis.get('k')).toBe('v');
    expect(await redis.config('GET', 'save')).toEqual(['save', '']);
    expect(await redis.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
  } finally {
    redis.disconnect();
    await server.stop();
  }
  expect(await pingOnce(port)).toBe(false);
  await server.stop(); // twice is fine
});

test('two embedded servers get different ports', async () => {
  const a = await startEmbeddedRedis(dataDir, logger);
  const b = await startEmbeddedRedis(dataDir, logger);
  try {
    expect(a.url).not.toBe(b.url);
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
});

test('without redis-server on PATH, a one-line dependency_missing error says how to fix it', async () => {
  const err = await startEmbeddedRedis(dataDir, logger, { binary: 'redis-server-not-installed-here' }).catch((e: unknown) => e);
  expect(err).toMatchObject({ name: 'DeskbotError', code: 'dependency_missing' });
  const message = (err as Error).message;
  expect(message).not.toContain('\n');
  expect(message).toContain('apt-get install redis-server');
  expect(message).toContain('REDIS_URL');
});

test('a server that exits at once is reported with its output', async () => {
  const err = await startEmbeddedRedis(dataDir, logger, { binary: 'false' }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'internal' });
  expect((err as Error).message).toMatch(/exited/);
});
