import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startWebServer, type WebServer } from './helpers/start-web-server.js';

const SECRET = 'token-security-direct-line-secret-0123456789';
let db: TestDatabase;
let open: WebServer;
let closed: WebServer;
beforeAll(async () => {
  db = await createTestDatabase();
  open = await startWebServer({}, db);
  closed = await startWebServer({ secret: SECRET }, db);
});
afterAll(async () => {
  await open?.close();
  await closed?.close();
  await db?.drop();
});

async function call(server: WebServer, path: string, options: { auth?: string; body?: unknown; method?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth) headers.authorization = `Bearer ${options.auth}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, { method: options.method ?? 'POST', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as Record<string, any> };
}

const activities = (id: string) => `/v3/directline/conversations/${id}/activities`;
const bind = async (user: Record<string, string>) => (await call(closed, '/v3/directline/tokens/generate', { auth: SECRET, body: { user } })).body as { token: string; conversationId: string };

describe('tokens carry the identity', () => {
  test('a forged from.id is refused with 403 and logged with the conversation and the claimed id', async () => {
    const alice = await bind({ id: 'alice', name: 'Alice', email: 'alice@example.com' });
    const before = closed.turns.received.length;
    const res = await call(closed, activities(alice.conversationId), { auth: alice.token, body: { type: 'message', text: 'hi', from: { id: 'bob' } } });
    expect(res.status).toBe(403);
    expect(closed.turns.received.length).toBe(before);
    expect(closed.logs).toContainEqual(expect.objectContaining({
      level: 'warn', fields: expect.objectContaining({ conversationId: alice.conversationId, claimedId: 'bob', boundTo: 'alice' }),
    }));
    const typing = await call(closed, activities(alice.conversationId), { auth: alice.token, body: { type: 'typing', from: { id: 'bob' } } });
    expect(typing.status).toBe(403);
  });

  test("a bound user's email reaches the pipeline as verified only because the secret holder named it", async () => {
    const alice = await bind({ id: 'alice', email: 'Alice@Example.com' });
    await call(closed, activities(alice.conversationId), { auth: alice.token, body: { type: 'message', text: 'hi' } });
    expect(closed.turns.received.at(-1)?.sender).toEqual({ externalId: 'alice', email: 'Alice@Example.com', verified: true });
    const guest = (await call(open, '/api/web/token')).body;
    await call(open, activities(guest.conversationId), { auth: guest.token, body: { type: 'message', text: 'hi', from: { id: 'alice', name: 'Alice' } } });
    expect(open.turns.received.at(-1)?.sender).toEqual({ externalId: `guest:${guest.conversationId}`, verified: false });
    expect((await call(closed, '/v3/directline/tokens/generate', { auth: SECRET, body: { user: { id: 'x', email: 'not an email' } } })).status).toBe(400);
  });

  test('a tampered token is refused: a changed user, conversation or algorithm breaks the signature', async () => {
    const alice = await bind({ id: 'alice' });
    const [header, payload, signature] = alice.token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forge = (changes: object) => `${header}.${Buffer.from(JSON.stringify({ ...claims, ...changes })).toString('base64url')}.${signature}`;
    expect((await call(closed, activities(alice.conversationId), { auth: forge({ user: 'bob' }), body: { type: 'message', text: 'x' } })).status).toBe(401);
    expect((await call(closed, activities(alice.conversationId), { auth: forge({ exp: claims.exp + 86_400 }), method: 'GET' })).status).toBe(401);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    expect((await call(closed, activities(alice.conversationId), { auth: none, method: 'GET' })).status).toBe(401);
  });

  test("expired tokens, another conversation's token and stream tokens are refused", async () => {
    const alice = await bind({ id: 'alice' });
    const bob = await bind({ id: 'bob' });
    const expired = await new SignJWT({ conv: alice.conversationId, scope: 'conversation', user: 'alice' })
      .setProtectedHeader({ alg: 'HS256' }).setIssuer('deskbot').setAudience('directline').setExpirationTime(Math.floor(Date.now() / 1000) - 5).sign(closed.tokenKey);
    expect((await call(closed, activities(alice.conversationId), { auth: expired, method: 'GET' })).status).toBe(403);
    expect((await call(closed, '/v3/directline/tokens/refresh', { auth: expired })).status).toBe(403);
    expect((await call(closed, activities(alice.conversationId), { auth: bob.token, body: { type: 'message', text: 'x', from: { id: 'bob' } } })).status).toBe(403);
    const started = await call(closed, '/v3/directline/conversations', { auth: alice.token });
    const streamToken = new URL(started.body.streamUrl).searchParams.get('t')!;
    expect((await call(closed, activities(alice.conversationId), { auth: streamToken, method: 'GET' })).status).toBe(401);
  });

  test('refresh extends a token and keeps its conversation and user', async () => {
    const alice = await bind({ id: 'alice', name: 'Alice', email: 'alice@example.com' });
    const refreshed = await call(closed, '/v3/directline/tokens/refresh', { auth: alice.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.conversationId).toBe(alice.conversationId);
    expect(decodeJwt(refreshed.body.token)).toMatchObject({ conv: alice.conversationId, user: 'alice', email: 'alice@example.com' });
    const res = await call(closed, activities(alice.conversationId), { auth: refreshed.body.token, body: { type: 'message', text: 'after refresh' } });
    expect(res.status).toBe(200);
    expect(closed.turns.received.at(-1)?.sender).toMatchObject({ externalId: 'alice', verified: true });
  });
});

describe('the chat page token route', () => {
  test('a guest gets the same conversation back with its previous token, and a new one without', async () => {
    const first = (await call(open, '/api/web/token')).body;
    expect(first.user).toBeNull();
    const again = await call(open, '/api/web/token', { auth: first.token });
    expect(again.body.conversationId).toBe(first.conversationId);
    expect(again.headers.get('cache-control')).toBe('no-store');
    expect((await call(open, '/api/web/token')).body.conversationId).not.toBe(first.conversationId);
    expect((await call(open, '/api/web/token', { auth: 'garbage' })).status).toBe(200);
  });

  test('with a secret and no sign-in the page route is closed', async () => {
    expect((await call(closed, '/api/web/token')).status).toBe(403);
  });
});

test('Direct Line answers CORS preflights for bearer-token clients on other origins; the cookie routes do not', async () => {
  const preflight = await call(closed, activities('x'), {
    method: 'OPTIONS', headers: { origin: 'https://intranet.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
  expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
  const page = await call(open, '/api/web/token', { headers: { origin: 'https://evil.example.com' } });
  expect(page.headers.get('access-control-allow-origin')).toBeNull();
});
