import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { Redis } from '../../src/redis/connection.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { countIn, rateLimitConnection } from './helpers/rate-limit-redis.js';
import { startWebServer, type WebServer } from './helpers/start-web-server.js';

const SECRET = 'rate-limit-test-secret-0123456789';
const limit = { max: 3, windowSeconds: 60 };
let db: TestDatabase;
let redis: Redis;
let open: WebServer;
let closed: WebServer;

beforeAll(async () => {
  db = await createTestDatabase();
  // Counted in Redis as deskbot runs them, each server under its own prefix (both are 127.0.0.1 to each other).
  redis = await rateLimitConnection();
  open = await startWebServer({ tokenRateLimit: limit, conversationRateLimit: limit, rateLimitRedis: countIn(redis) }, db);
  closed = await startWebServer({ tokenRateLimit: limit, conversationRateLimit: limit, secret: SECRET, rateLimitRedis: countIn(redis) }, db);
});
afterAll(async () => {
  await open?.close();
  await closed?.close();
  redis?.disconnect();
  await db?.drop();
});

async function post(server: WebServer, path: string, auth?: string) {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: auth ? { authorization: `Bearer ${auth}` } : {} });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), type: res.headers.get('content-type'), body: await res.json() as any };
}

async function expectLimited(server: WebServer, path: string, auth?: string, what = 'token requests') {
  const res = await post(server, path, auth);
  expect(res.status).toBe(429);
  expect(Number(res.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(res.retryAfter)).toBeLessThanOrEqual(limit.windowSeconds);
  expect(res.type).toMatch(/^application\/json/);
  expect(res.body).toEqual({ error: { code: 'rate_limited', message: expect.stringContaining(`Too many ${what} from this address`) } });
}

describe('the token routes are rate limited per client address', () => {
  test('POST /api/web/token: the first `max` guests get tokens, the next gets 429 with Retry-After and a JSON error', async () => {
    for (let i = 0; i < limit.max; i++) expect((await post(open, '/api/web/token')).status).toBe(200);
    await expectLimited(open, '/api/web/token');
  });

  test('Direct Line tokens/generate (open to guests without a secret) and tokens/refresh are limited too', async () => {
    const grants = [];
    for (let i = 0; i < limit.max; i++) {
      const res = await post(open, '/v3/directline/tokens/generate');
      expect(res.status).toBe(200);
      grants.push(res.body as { token: string });
    }
    await expectLimited(open, '/v3/directline/tokens/generate');
    for (let i = 0; i < limit.max; i++) expect((await post(open, '/v3/directline/tokens/refresh', grants[0]!.token)).status).toBe(200);
    await expectLimited(open, '/v3/directline/tokens/refresh', grants[0]!.token);
  });

  test("the Direct Line secret holder (the host page's backend, minting for every employee) is not limited; anyone else is", async () => {
    for (let i = 0; i < limit.max * 2; i++) expect((await post(closed, '/v3/directline/tokens/generate', SECRET)).status).toBe(200);
    for (let i = 0; i < limit.max; i++) expect((await post(closed, '/v3/directline/tokens/generate', 'not-the-secret')).status).toBe(401);
    await expectLimited(closed, '/v3/directline/tokens/generate', 'not-the-secret');
  });

  test('other routes are not limited', async () => {
    const { token, conversationId } = (await post(closed, '/v3/directline/tokens/generate', SECRET)).body;
    for (let i = 0; i < limit.max + 2; i++) {
      const res = await fetch(`${closed.url}/v3/directline/conversations/${conversationId}/activities`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
    }
  });
});

describe('starting Direct Line conversations is rate limited per client address', () => {
  const start = '/v3/directline/conversations';

  test('guests (no secret set) get `max` new conversations, then 429; the token routes keep their own count', async () => {
    const before = await db.prisma.directLineConversation.count();
    for (let i = 0; i < limit.max; i++) expect((await post(open, start)).status).toBe(201);
    await expectLimited(open, start, undefined, 'new conversations');
    expect(await db.prisma.directLineConversation.count()).toBe(before + limit.max);
  });

  test('a token holder resuming its conversation is counted too; the secret holder is not', async () => {
    for (let i = 0; i < limit.max * 2; i++) expect((await post(closed, start, SECRET)).status).toBe(201);
    const { token } = (await post(closed, '/v3/directline/tokens/generate', SECRET)).body;
    for (let i = 0; i < limit.max; i++) expect((await post(closed, start, token)).status).toBe(200);
    await expectLimited(closed, start, token, 'new conversations');
    expect((await post(closed, start, SECRET)).status).toBe(201);
  });
});

test('the conversation limit comes from WEB_CONVERSATION_RATE_LIMIT and WEB_CONVERSATION_RATE_WINDOW_SECONDS (60 a minute by default; 0 is off)', () => {
  expect(loadConfig({})).toMatchObject({ WEB_CONVERSATION_RATE_LIMIT: 60, WEB_CONVERSATION_RATE_WINDOW_SECONDS: 60 });
  expect(loadConfig({ WEB_CONVERSATION_RATE_LIMIT: '0', WEB_CONVERSATION_RATE_WINDOW_SECONDS: '10' }))
    .toMatchObject({ WEB_CONVERSATION_RATE_LIMIT: 0, WEB_CONVERSATION_RATE_WINDOW_SECONDS: 10 });
  expect(() => loadConfig({ WEB_CONVERSATION_RATE_LIMIT: '-1' })).toThrow(/WEB_CONVERSATION_RATE_LIMIT/);
});

test('the limit comes from WEB_TOKEN_RATE_LIMIT and WEB_TOKEN_RATE_WINDOW_SECONDS (60 a minute by default; 0 is off)', () => {
  expect(loadConfig({})).toMatchObject({ WEB_TOKEN_RATE_LIMIT: 60, WEB_TOKEN_RATE_WINDOW_SECONDS: 60 });
  expect(loadConfig({ WEB_TOKEN_RATE_LIMIT: '0', WEB_TOKEN_RATE_WINDOW_SECONDS: '10' })).toMatchObject({ WEB_TOKEN_RATE_LIMIT: 0, WEB_TOKEN_RATE_WINDOW_SECONDS: 10 });
  expect(() => loadConfig({ WEB_TOKEN_RATE_LIMIT: 'lots' })).toThrow(/WEB_TOKEN_RATE_LIMIT/);
});

test('the Redis keys start with WEB_RATE_LIMIT_PREFIX (default deskbot-rate-limit:), so deployments on one Redis can count apart', () => {
  expect(loadConfig({})).toMatchObject({ WEB_RATE_LIMIT_PREFIX: 'deskbot-rate-limit:' });
  expect(loadConfig({ WEB_RATE_LIMIT_PREFIX: '' })).toMatchObject({ WEB_RATE_LIMIT_PREFIX: 'deskbot-rate-limit:' });
  expect(loadConfig({ WEB_RATE_LIMIT_PREFIX: 'staging:limits:' })).toMatchObject({ WEB_RATE_LIMIT_PREFIX: 'staging:limits:' });
  expect(() => loadConfig({ WEB_RATE_LIMIT_PREFIX: 'has space' })).toThrow(/WEB_RATE_LIMIT_PREFIX/);
});

test('without a Redis (the web channel used on its own) each instance counts in its memory', async () => {
  const alone = await startWebServer({ tokenRateLimit: limit, conversationRateLimit: limit }, db);
  try {
    for (let i = 0; i < limit.max; i++) expect((await post(alone, '/api/web/token')).status).toBe(200);
    await expectLimited(alone, '/api/web/token');
  } finally {
    await alone.close();
  }
});

test('max 0 turns a limit off', async () => {
  const off = { max: 0, windowSeconds: 60 };
  const unlimited = await startWebServer({ tokenRateLimit: off, conversationRateLimit: off }, db);
  const tokensOnly = await startWebServer({ tokenRateLimit: limit, conversationRateLimit: off }, db);
  try {
    for (let i = 0; i < 5; i++) expect((await post(unlimited, '/api/web/token')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await post(unlimited, '/v3/directline/conversations')).status).toBe(201);
    for (let i = 0; i < limit.max + 2; i++) expect((await post(tokensOnly, '/v3/directline/conversations')).status).toBe(201);
    for (let i = 0; i < limit.max; i++) expect((await post(tokensOnly, '/api/web/token')).status).toBe(200);
    await expectLimited(tokensOnly, '/api/web/token');
  } finally {
    await tokensOnly.close();
    await unlimited.close();
  }
});
