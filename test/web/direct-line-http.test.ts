import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startWebServer, type WebServer } from './helpers/start-web-server.js';

const SECRET = 'test-direct-line-secret-0123456789';
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

async function call(server: WebServer, method: string, path: string, options: { auth?: string; body?: unknown; raw?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.auth) headers.authorization = `Bearer ${options.auth}`;
  if (options.body !== undefined || options.raw !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, {
    method, headers, body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Json };
}

async function guest(server = open): Promise<{ token: string; conversationId: string }> {
  const { status, body } = await call(server, 'POST', '/api/web/token');
  expect(status).toBe(200);
  return body as { token: string; conversationId: string };
}

const activities = (id: string) => `/v3/directline/conversations/${id}/activities`;

async function transcript(server: WebServer, c: { token: string; conversationId: string }): Promise<Json[]> {
  const { body } = await call(server, 'GET', activities(c.conversationId), { auth: c.token });
  return body.activities as Json[];
}

describe('authorization', () => {
  test('activity routes need a token of that conversation', async () => {
    const a = await guest();
    const b = await guest();
    const message = { type: 'message', text: 'hi' };
    expect((await call(open, 'POST', activities(a.conversationId), { body: message })).status).toBe(401);
    expect((await call(open, 'GET', activities(a.conversationId))).status).toBe(401);
    expect((await call(open, 'POST', activities(a.conversationId), { body: message, auth: 'not-a-jwt' })).status).toBe(401);
    const foreign = await call(open, 'POST', activities(a.conversationId), { body: message, auth: b.token });
    expect(foreign).toEqual({ status: 403, body: { error: { code: 'forbidden', message: expect.any(String) } } });
    expect((await call(open, 'GET', activities(a.conversationId), { auth: b.token })).status).toBe(403);
    expect((await call(open, 'POST', activities(a.conversationId), { body: message, auth: a.token })).status).toBe(200);
  });

  test('a token signed with another key, or expired, is refused', async () => {
    const a = await guest();
    const sign = (key: Uint8Array, exp: number) => new SignJWT({ conv: a.conversationId, scope: 'conversation' })
      .setProtectedHeader({ alg: 'HS256' }).setIssuer('deskbot').setAudience('directline').setExpirationTime(exp).sign(key);
    const past = Math.floor(Date.now() / 1000) - 60;
    expect((await call(open, 'GET', activities(a.conversationId), { auth: await sign(open.tokenKey, past) })).status).toBe(403);
    expect((await call(open, 'GET', activities(a.conversationId), { auth: await sign(new Uint8Array(32), past + 3600) })).status).toBe(401);
    expect((await call(open, 'POST', '/v3/directline/tokens/refresh', { auth: await sign(open.tokenKey, past) })).status).toBe(403);
  });

  test('with a secret set, starting and generating need it, and guests are turned away', async () => {
    expect((await call(closed, 'POST', '/v3/directline/conversations')).status).toBe(401);
    expect((await call(closed, 'POST', '/v3/directline/tokens/generate')).status).toBe(401);
    expect((await call(closed, 'POST', '/api/web/token')).body.error.code).toBe('forbidden');
    const started = await call(closed, 'POST', '/v3/directline/conversations', { auth: SECRET });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ conversationId: expect.any(String), token: expect.any(String), expires_in: 1800 });
    expect(started.body.streamUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/.+\/stream\?t=/);
  });

  test('without a secret, guests cannot bind themselves to a user', async () => {
    const res = await call(open, 'POST', '/v3/directline/tokens/generate', { body: { user: { id: 'ceo@example.com' } } });
    expect(res.status).toBe(403);
    const started = await call(open, 'POST', '/v3/directline/conversations');
    expect(started.status).toBe(201);
  });
});

describe('tokens', () => {
  test('generate binds a user; the user speaks as themselves and nobody else', async () => {
    const user = { id: 'alice', name: 'Alice Doe', email: 'alice@example.com' };
    const gen = await call(closed, 'POST', '/v3/directline/tokens/generate', { auth: SECRET, body: { user } });
    expect(gen.status).toBe(200);
    const { token, conversationId } = gen.body;
    expect(decodeJwt(token)).toMatchObject({ user: 'alice', conv: conversationId });

    const start = await call(closed, 'POST', '/v3/directline/conversations', { auth: token, body: { user: { id: 'alice' } } });
    expect(start.status).toBe(200);
    expect(start.body.conversationId).toBe(conversationId);

    const ok = await call(closed, 'POST', activities(conversationId), { auth: token, body: { type: 'message', text: 'hi', from: { id: 'alice' } } });
    expect(ok.status).toBe(200);
    expect(closed.turns.received.at(-1)?.sender).toEqual({ externalId: 'alice', name: 'Alice Doe', email: 'alice@example.com', verified: true });
    const spoof = await call(closed, 'POST', activities(conversationId), { auth: token, body: { type: 'message', text: 'hi', from: { id: 'bob' } } });
    expect(spoof.status).toBe(403);
  });

  test('refresh returns a working token for the same conversation; the secret cannot be refreshed', async () => {
    const a = await guest();
    const refreshed = await call(open, 'POST', '/v3/directline/tokens/refresh', { auth: a.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ conversationId: a.conversationId, expires_in: 1800 });
    expect((await call(open, 'GET', activities(a.conversationId), { auth: refreshed.body.token })).status).toBe(200);
    expect((await call(closed, 'POST', '/v3/directline/tokens/refresh', { auth: SECRET })).status).toBe(400);
    expect((await call(open, 'POST', '/v3/directline/tokens/refresh')).status).toBe(401);
  });

  test('reconnect gives a stream URL carrying the watermark', async () => {
    const a = await guest();
    const res = await call(open, 'GET', `/v3/directline/conversations/${a.conversationId}?watermark=5`, { auth: a.token });
    expect(res.status).toBe(200);
    expect(new URL(res.body.streamUrl).searchParams.get('watermark')).toBe('5');
    expect((await call(open, 'GET', `/v3/directline/conversations/${a.conversationId}?watermark=x`, { auth: a.token })).status).toBe(400);
  });

  test('the secret holder may act in any conversation', async () => {
    const a = await guest(open);
    const start = await call(closed, 'POST', '/v3/directline/conversations', { auth: SECRET });
    const res = await call(closed, 'POST', activities(start.body.conversationId), { auth: SECRET, body: { type: 'message', text: 'hello', from: { id: 'svc-user' } } });
    expect(res.status).toBe(200);
    expect(closed.turns.received.at(-1)?.sender).toEqual({ externalId: 'svc-user', verified: true });
    expect(a.conversationId).not.toBe(start.body.conversationId);
  });
});

describe('activities', () => {
  test('a retried activity with the same clientActivityID gets one echo and one reply', async () => {
    const a = await guest();
    const message = { type: 'message', text: 'retry me', from: { id: 'x' }, channelData: { clientActivityID: 'cid-1' } };
    const [r1, r2] = await Promise.all([
      call(open, 'POST', activities(a.conversationId), { auth: a.token, body: message }),
      call(open, 'POST', activities(a.conversationId), { auth: a.token, body: message }),
    ]);
    const r3 = await call(open, 'POST', activities(a.conversationId), { auth: a.token, body: message });
    expect(r1.status).toBe(200);
    expect(r2.body.id).toBe(r1.body.id);
    expect(r3.body.id).toBe(r1.body.id);
    const texts = (await transcript(open, a)).map((x) => x.text);
    expect(texts.filter((t) => t === 'retry me')).toHaveLength(1);
    expect(texts.filter((t) => t === 'You said: retry me')).toHaveLength(1);
  });

  test('an activity resent with the same client-set id (no clientActivityID) gets one echo and one reply; the echo keeps the server\'s id', async () => {
    const a = await guest();
    const message = { type: 'message', id: 'fixed-2', text: 'resent with my own id' };
    const r1 = await call(open, 'POST', activities(a.conversationId), { auth: a.token, body: message });
    const r2 = await call(open, 'POST', activities(a.conversationId), { auth: a.token, body: message });
    expect(r1.status).toBe(200);
    expect(r2.body.id).toBe(r1.body.id);
    expect(r1.body.id).not.toBe('fixed-2');
    const texts = (await transcript(open, a)).map((x) => x.text);
    expect(texts.filter((t) => t === 'resent with my own id')).toHaveLength(1);
    expect(texts.filter((t) => t === 'You said: resent with my own id')).toHaveLength(1);
  });

  test('the same clientActivityID in two conversations is two messages', async () => {
    const a = await guest();
    const b = await guest();
    const message = { type: 'message', text: 'same id', channelData: { clientActivityID: 'shared' } };
    await call(open, 'POST', activities(a.conversationId), { auth: a.token, body: message });
    await call(open, 'POST', activities(b.conversationId), { auth: b.token, body: message });
    expect((await transcript(open, b)).map((x) => x.text)).toContain('You said: same id');
  });

  test('the reply is in the transcript when the POST returns', async () => {
    const a = await guest();
    const { body } = await call(open, 'POST', activities(a.conversationId), { auth: a.token, body: { type: 'message', text: 'quick' } });
    const all = await transcript(open, a);
    const reply = all.at(-1)!;
    expect(reply).toMatchObject({ text: 'You said: quick', replyToId: body.id, from: { role: 'bot' } });
    expect(reply.channelData).toEqual({ deskbot: { kind: 'question', intent: 'fake.question', confidence: 0.9 } });
  });

  test('GET activities honours the watermark', async () => {
    const a = await guest();
    const first = await call(open, 'GET', activities(a.conversationId), { auth: a.token });
    expect(first.body.activities).toHaveLength(1);
    await call(open, 'POST', activities(a.conversationId), { auth: a.token, body: { type: 'message', text: 'later' } });
    const next = await call(open, 'GET', `${activities(a.conversationId)}?watermark=${first.body.watermark}`, { auth: a.token });
    expect(next.body.activities.map((x: Json) => x.text)).toEqual(['later', 'You said: later']);
    const none = await call(open, 'GET', `${activities(a.conversationId)}?watermark=${next.body.watermark}`, { auth: a.token });
    expect(none.body).toEqual({ activities: [], watermark: next.body.watermark });
    expect((await call(open, 'GET', `${activities(a.conversationId)}?watermark=abc`, { auth: a.token })).status).toBe(400);
  });

  test('typing, events and unknown types are accepted without calling the pipeline', async () => {
    const a = await guest();
    const before = open.turns.received.length;
    for (const type of ['typing', 'event', 'conversationUpdate', 'somethingNew']) {
      const res = await call(open, 'POST', activities(a.conversationId), { auth: a.token, body: { type, name: 'x' } });
      expect(res.status).toBe(200);
      expect(res.body.id).toEqual(expect.any(String));
    }
    expect(open.turns.received.length).toBe(before);
  });

  test('an empty message still reaches the pipeline and gets a polite answer', async () => {
    const a = await guest();
    await call(open, 'POST', activities(a.conversationId), { auth: a.token, body: { type: 'message', text: '' } });
    expect(open.turns.received.at(-1)?.text).toBe('');
    expect((await transcript(open, a)).at(-1)?.text).toBe("I didn't catch that. What do you need help with?");
  });

  test('a ticket reply renders as an Adaptive Card', async () => {
    const a = await guest();
    await call(open, 'POST', activities(a.conversationId), { auth: a.token, body: { type: 'message', text: 'open a ticket' } });
    const reply = (await transcript(open, a)).at(-1)!;
    const card = reply.attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.body[0].text).toBe('Incident INC0001001');
    expect(card.content.body[2].facts).toEqual([
      { title: 'Status', value: 'New' },
      { title: 'Priority', value: 'P2 · High' },
      { title: 'Response due', value: '{{DATE(2030-01-01T10:00:00Z,SHORT)}} {{TIME(2030-01-01T10:00:00Z)}}' },
      { title: 'Resolution due', value: '{{DATE(2030-01-01T17:00:00Z,SHORT)}} {{TIME(2030-01-01T17:00:00Z)}}' },
    ]);
    expect(reply.channelData.deskbot.ticket).toBe('INC0001001');
  });

  test('a failing pipeline still gets the user an apology', async () => {
    const a = await guest();
    const res = await call(open, 'POST', activities(a.conversationId), { auth: a.token, body: { type: 'message', text: 'boom' } });
    expect(res.status).toBe(200);
    expect((await transcript(open, a)).at(-1)?.text).toMatch(/^Sorry, something went wrong/);
    expect(open.logs.some((l) => l.level === 'error')).toBe(true);
  });
});

describe('validation', () => {
  test('malformed JSON is a 400 with a JSON error', async () => {
    const a = await guest();
    const res = await call(open, 'POST', activities(a.conversationId), { auth: a.token, raw: '{"type": "message", "text": ' });
    expect(res).toEqual({ status: 400, body: { error: { code: 'bad_request', message: 'The body is not valid JSON.' } } });
    const wrong = await call(open, 'POST', activities(a.conversationId), { auth: a.token, body: { type: 42 } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('type');
    expect((await call(open, 'POST', activities(a.conversationId), { auth: a.token, body: [1] })).status).toBe(400);
  });

  test('text over 20,000 characters is refused with 413', async () => {
    const a = await guest();
    const res = await call(open, 'POST', activities(a.conversationId), { auth: a.token, body: { type: 'message', text: 'x'.repeat(20_001) } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    const edge = await call(open, 'POST', activities(a.conversationId), { auth: a.token, body: { type: 'message', text: 'y'.repeat(20_000) } });
    expect(edge.status).toBe(200);
  });

  test('a missing conversation is a 404', async () => {
    const gen = await call(closed, 'POST', '/v3/directline/conversations', { auth: SECRET });
    expect((await call(closed, 'GET', activities('no-such-conversation'), { auth: SECRET })).status).toBe(404);
    expect((await call(closed, 'GET', '/v3/directline/conversations/no-such-conversation', { auth: SECRET })).status).toBe(404);
    expect(gen.status).toBe(201);
  });

  test('emoji, RTL text and control characters go through intact (NUL and lone surrogates cleaned)', async () => {
    const a = await guest();
    const text = 'مرحبا 👩🏽‍💻 שלום \u202E\u0007tab\there \u0000end\uD800';
    const res = await call(open, 'POST', activities(a.conversationId), { auth: a.token, body: { type: 'message', text } });
    expect(res.status).toBe(200);
    const clean = 'مرحبا 👩🏽‍💻 שלום \u202E\u0007tab\there end\uFFFD';
    expect(open.turns.received.at(-1)?.text).toBe(clean);
    expect((await transcript(open, a)).at(-1)?.text).toBe(`You said: ${clean}`);
  });
});
