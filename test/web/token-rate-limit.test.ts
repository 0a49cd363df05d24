import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startWebServer, type WebServer } from './helpers/start-web-server.js';

const SECRET = 'rate-limit-test-secret-0123456789';
const limit = { max: 3, windowSeconds: 60 };
let db: TestDatabase;
let open: WebServer;
let closed: WebServer;

beforeAll(async () => {
  db = await createTestDatabase();
  open = await startWebServer({ tokenRateLimit: limit }, db);
  closed = await startWebServer({ tokenRateLimit: limit, secret: SECRET }, db);
});
afterAll(async () => {
  await open?.close();
  await closed?.close();
  await db?.drop();
});

async function post(server: WebServer, path: string, auth?: string) {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: auth ? { authorization: `Bearer ${auth}` } : {} });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), type: res.headers.get('content-type'), body: await res.json() as any };
}

async function expectLimited(server: WebServer, path: string, auth?: string) {
  const res = await post(server, path, auth);
  expect(res.status).toBe(429);
  expect(Number(res.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(res.retryAfter)).toBeLessThanOrEqual(limit.windowSeconds);
  expect(res.type).toMatch(/^application\/json/);
  expect(res.body).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/Too many token requests/) } });
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

test('the limit comes from WEB_TOKEN_RATE_LIMIT and WEB_TOKEN_RATE_WINDOW_SECONDS (60 a minute by default; 0 is off)', () => {
  expect(loadConfig({})).toMatchObject({ WEB_TOKEN_RATE_LIMIT: 60, WEB_TOKEN_RATE_WINDOW_SECONDS: 60 });
  expect(loadConfig({ WEB_TOKEN_RATE_LIMIT: '0', WEB_TOKEN_RATE_WINDOW_SECONDS: '10' })).toMatchObject({ WEB_TOKEN_RATE_LIMIT: 0, WEB_TOKEN_RATE_WINDOW_SECONDS: 10 });
  expect(() => loadConfig({ WEB_TOKEN_RATE_LIMIT: 'lots' })).toThrow(/WEB_TOKEN_RATE_LIMIT/);
});

test('max 0 turns the limit off', async () => {
  const unlimited = await startWebServer({ tokenRateLimit: { max: 0, windowSeconds: 60 } }, db);
  try {
    for (let i = 0; i < 5; i++) expect((await post(unlimited, '/api/web/token')).status).toBe(200);
  } finally {
    await unlimited.close();
  }
});
