import { afterAll, beforeAll, expect, test } from 'vitest';
import { createCookieSealer } from '../../adapters/web/sign-in/sealed-cookie.js';
import { startWebServer, type WebServer } from './helpers/start-web-server.js';

// A provider nobody listens on: sign-in must fail politely, and sessions must still be checked strictly.
let server: WebServer;
beforeAll(async () => {
  server = await startWebServer({
    signIn: { issuer: 'http://127.0.0.1:9/realms/staff', clientId: 'deskbot', clientSecret: 'x', redirectUrl: 'http://127.0.0.1:9/auth/callback' },
  });
});
afterAll(async () => { await server?.close(); });

const token = (cookie?: string) => fetch(`${server.url}/api/web/token`, { method: 'POST', headers: cookie ? { cookie } : {} });

test('an unreachable provider gives a 502 page, not a stack trace', async () => {
  const res = await fetch(`${server.url}/auth/login`, { redirect: 'manual' });
  expect(res.status).toBe(502);
  expect(await res.text()).toContain('The identity provider cannot be reached');
  expect(server.logs.some((l) => l.level === 'error' && l.message?.includes('identity provider'))).toBe(true);
});

test('a session cookie sealed with this key is a session; one sealed with another key, or expired, is not', async () => {
  const own = createCookieSealer(server.tokenKey);
  const claims = { sub: 'sub-1', iss: 'http://127.0.0.1:9/realms/staff', name: 'Ada', email: 'ada@example.com' };
  const ok = await token(`deskbot_session=${await own.seal(claims, 60)}`);
  expect(ok.status).toBe(200);
  expect((await ok.json()).user).toEqual({ name: 'Ada', email: 'ada@example.com' });
  const foreign = createCookieSealer(new Uint8Array(32).fill(7));
  expect((await token(`deskbot_session=${await foreign.seal(claims, 60)}`)).status).toBe(401);
  expect((await token(`deskbot_session=${await own.seal(claims, -10)}`)).status).toBe(401);
  expect((await token(`deskbot_session=${await own.seal({ sub: 'sub-1' }, 60)}`)).status).toBe(401);
});

test('a signed-in page token cannot continue a guest conversation or another employee\'s', async () => {
  const own = createCookieSealer(server.tokenKey);
  const ada = `deskbot_session=${await own.seal({ sub: 'sub-ada', iss: 'http://127.0.0.1:9/realms/staff' }, 60)}`;
  const bob = `deskbot_session=${await own.seal({ sub: 'sub-bob', iss: 'http://127.0.0.1:9/realms/staff' }, 60)}`;
  const first = await (await token(ada)).json();
  const again = await (await fetch(`${server.url}/api/web/token`, { method: 'POST', headers: { cookie: ada, authorization: `Bearer ${first.token}` } })).json();
  expect(again.conversationId).toBe(first.conversationId);
  const stolen = await (await fetch(`${server.url}/api/web/token`, { method: 'POST', headers: { cookie: bob, authorization: `Bearer ${first.token}` } })).json();
  expect(stolen.conversationId).not.toBe(first.conversationId);
});

test('with sign-in on, the raw Direct Line routes hand out no guest conversations', async () => {
  expect((await fetch(`${server.url}/v3/directline/conversations`, { method: 'POST' })).status).toBe(401);
  expect((await fetch(`${server.url}/v3/directline/tokens/generate`, { method: 'POST' })).status).toBe(401);
  expect((await token()).status).toBe(401);
});

test('sign-out while the provider cannot be reached still ends deskbot\'s session and lands on the signed-out page', async () => {
  const own = createCookieSealer(server.tokenKey);
  const session = `deskbot_session=${await own.seal({ sub: 'sub-ada', iss: 'http://127.0.0.1:9/realms/staff', idt: 'x.y.z' }, 60)}`;
  const res = await fetch(`${server.url}/auth/logout`, {
    method: 'POST', redirect: 'manual', headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded' }, body: '',
  });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/auth/signed-out');
  expect(res.headers.get('set-cookie')).toMatch(/^deskbot_session=;.*Expires=Thu, 01 Jan 1970/i);
});
