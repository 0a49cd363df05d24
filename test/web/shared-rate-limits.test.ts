import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { RateLimit, RateLimitRedis } from '../../adapters/web/index.js';
import { startEmbeddedRedis } from '../../src/redis/embedded-redis.js';
import { freePort } from '../../src/redis/free-port.js';
import type { Redis } from '../../src/redis/connection.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { countIn, rateLimitConnection } from './helpers/rate-limit-redis.js';
import { startWebServer, type WebServer } from './helpers/start-web-server.js';

const limit: RateLimit = { max: 3, windowSeconds: 60 };
let db: TestDatabase;
let redis: Redis;
let dataDir: string;
const servers: WebServer[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  redis = await rateLimitConnection();
  dataDir = await mkdtemp(path.join(tmpdir(), 'deskbot-rate-limit-'));
});
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});
afterAll(async () => {
  redis?.disconnect();
  await db?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

/** Two web channels (as two app instances behind a load balancer) counting in the same Redis under the same prefix. */
async function twoInstances(shared: RateLimitRedis, rateLimit = limit): Promise<[WebServer, WebServer]> {
  const start = () => startWebServer({ tokenRateLimit: rateLimit, conversationRateLimit: rateLimit, rateLimitRedis: shared }, db);
  const pair: [WebServer, WebServer] = [await start(), await start()];
  servers.push(...pair);
  return pair;
}

async function status(server: WebServer, route: string): Promise<number> {
  const res = await fetch(`${server.url}${route}`, { method: 'POST' });
  await res.arrayBuffer();
  return res.status;
}

describe('instances sharing a Redis share one count per client address and route', () => {
  test('token requests split between two instances are limited at the configured total, not per instance', async () => {
    const shared = countIn(redis);
    const [a, b] = await twoInstances(shared);
    expect([await status(a, '/api/web/token'), await status(b, '/api/web/token'), await status(a, '/api/web/token')]).toEqual([200, 200, 200]);
    expect(await status(b, '/api/web/token')).toBe(429);
    expect(await status(a, '/api/web/token')).toBe(429);
    // Other routes keep their own counts, also across instances.
    expect(await status(b, '/v3/directline/tokens/generate')).toBe(200);
    expect(await redis.keys(`${shared.prefix}*`)).toEqual(expect.arrayContaining([
      `${shared.prefix}POST/api/web/token-127.0.0.1`, `${shared.prefix}POST/v3/directline/tokens/generate-127.0.0.1`,
    ]));
  });

  test('conversation starts split between two instances are limited at the configured total', async () => {
    const [a, b] = await twoInstances(countIn(redis));
    const route = '/v3/directline/conversations';
    expect([await status(a, route), await status(b, route), await status(b, route)]).toEqual([201, 201, 201]);
    expect(await status(a, route)).toBe(429);
    expect(await status(b, route)).toBe(429);
  });

  test('another prefix (another deployment on the same Redis) counts apart', async () => {
    const [a] = await twoInstances(countIn(redis));
    const [other] = await twoInstances(countIn(redis));
    for (let i = 0; i < limit.max; i++) expect(await status(a, '/api/web/token')).toBe(200);
    expect(await status(a, '/api/web/token')).toBe(429);
    expect(await status(other, '/api/web/token')).toBe(200);
  });

  test('the window expires: after windowSeconds the address is served again, on either instance', async () => {
    const [a, b] = await twoInstances(countIn(redis), { max: 2, windowSeconds: 1 });
    expect([await status(a, '/api/web/token'), await status(b, '/api/web/token')]).toEqual([200, 200]);
    expect(await status(a, '/api/web/token')).toBe(429);
    await sleep(1100);
    expect(await status(b, '/api/web/token')).toBe(200);
    expect(await status(a, '/api/web/token')).toBe(200);
    expect(await status(b, '/api/web/token')).toBe(429);
  });
});

describe('when Redis fails the limits fail open: requests are served and one warning is logged', () => {
  const warned = (server: WebServer) => server.logs.filter((l) => l.level === 'warn' && /rate limits are not enforced/.test(l.message ?? ''));

  test('Redis unreachable from the start', async () => {
    const down = await rateLimitConnection(`redis://127.0.0.1:${await freePort()}`, false);
    try {
      const [a, b] = await twoInstances(countIn(down));
      for (let i = 0; i < limit.max * 2; i++) {
        expect(await status(i % 2 ? a : b, '/api/web/token')).toBe(200);
        expect(await status(i % 2 ? a : b, '/v3/directline/conversations')).toBe(201);
      }
      await expect.poll(() => warned(a).length).toBe(1);
      await expect.poll(() => warned(b).length).toBe(1);
    } finally {
      down.disconnect();
    }
  });

  test('Redis stops while the instances count', async () => {
    const server = await startEmbeddedRedis(dataDir, pino({ level: 'silent' }));
    const connection = await rateLimitConnection(server.url);
    try {
      const [a, b] = await twoInstances(countIn(connection));
      expect([await status(a, '/api/web/token'), await status(b, '/api/web/token'), await status(a, '/api/web/token')]).toEqual([200, 200, 200]);
      expect(await status(b, '/api/web/token')).toBe(429);
      await server.stop();
      for (let i = 0; i < limit.max; i++) expect(await status(i % 2 ? a : b, '/api/web/token')).toBe(200);
      await expect.poll(() => warned(a).length).toBe(1);
      for (let i = 0; i < limit.max; i++) expect(await status(a, '/api/web/token')).toBe(200);
      await sleep(600); // ioredis retries the connection meanwhile, failing each time: still one warning
      expect(warned(a)).toHaveLength(1);
    } finally {
      connection.disconnect();
      await server.stop();
    }
  });

  test('Redis that stops answering (connected, paused) holds no request longer than the command timeout', async () => {
    const server = await startEmbeddedRedis(dataDir, pino({ level: 'silent' }));
    const connection = await rateLimitConnection(server.url);
    const admin = await rateLimitConnection(server.url);
    try {
      const [a] = await twoInstances(countIn(connection));
      expect(await status(a, '/api/web/token')).toBe(200);
      await admin.call('CLIENT', 'PAUSE', '5000', 'ALL');
      for (let i = 0; i < limit.max + 1; i++) {
        const started = Date.now();
        expect(await status(a, '/api/web/token')).toBe(200);
        expect(Date.now() - started).toBeLessThan(2000);
      }
    } finally {
      admin.disconnect();
      connection.disconnect();
      await server.stop();
    }
  });
});
