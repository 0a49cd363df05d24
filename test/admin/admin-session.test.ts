import { afterAll, beforeAll, expect, test } from 'vitest';
import { startAdminServer, type AdminServer } from './start-admin-server.js';

let server: AdminServer;
beforeAll(async () => { server = await startAdminServer(); });
afterAll(async () => { await server?.close(); });

const newIntent = (name: string) => ({ name, kind: 'question', examples: ['where is the handbook'] });

test('the API refuses requests without a known admin token', async () => {
  const none = await server.app.inject({ url: '/api/admin/intents' });
  expect(none.statusCode).toBe(401);
  expect(none.json().error.code).toBe('unauthorized');
  expect((await server.app.inject({ url: '/api/admin/intents', headers: { authorization: `Bearer ${server.token}x` } })).statusCode).toBe(401);
  expect((await server.app.inject({ url: '/api/admin/intents', headers: { authorization: `Basic ${server.token}` } })).statusCode).toBe(401);
  const me = await server.app.inject({ url: '/api/admin/me', headers: { authorization: `Bearer ${server.token}` } });
  expect(me.json()).toMatchObject({ admin: { name: 'Ada Admin', email: 'ada@example.com' }, liveVersion: { number: 1 } });
  expect(me.headers['cache-control']).toBe('no-store');
  // Scripts with the bearer token need no CSRF token.
  const created = await server.app.inject({ method: 'POST', url: '/api/admin/intents', headers: { authorization: `Bearer ${server.token}` }, payload: newIntent('handbook') });
  expect(created.statusCode).toBe(201);
});

test('the page trades the pasted token for an HttpOnly SameSite=Strict cookie; changes then need the CSRF token', async () => {
  const wrong = await server.app.inject({ method: 'POST', url: '/api/admin/session', payload: { token: 'nope' } });
  expect(wrong.statusCode).toBe(401);
  expect(wrong.headers['set-cookie']).toBeUndefined();

  const signIn = await server.app.inject({ method: 'POST', url: '/api/admin/session', payload: { token: server.token } });
  expect(signIn.statusCode).toBe(200);
  const { principal, csrfToken } = signIn.json();
  expect(principal).toMatchObject({ email: 'ada@example.com' });
  const setCookie = String(signIn.headers['set-cookie']);
  expect(setCookie).toMatch(/^deskbot_admin_session=[A-Za-z0-9_-]{43};/);
  expect(setCookie).toContain('HttpOnly');
  expect(setCookie).toContain('SameSite=Strict');
  expect(setCookie).toContain('Path=/api/admin');
  const cookieValue = /^deskbot_admin_session=([^;]+)/.exec(setCookie)![1]!;
  const cookie = `deskbot_admin_session=${cookieValue}`;
  // Only a hash of the cookie's token is stored.
  expect(JSON.stringify(await server.db.prisma.consoleSession.findMany())).not.toContain(cookieValue);

  expect((await server.app.inject({ url: '/api/admin/intents', headers: { cookie } })).statusCode).toBe(200);
  const noCsrf = await server.app.inject({ method: 'POST', url: '/api/admin/intents', headers: { cookie }, payload: newIntent('no_csrf') });
  expect(noCsrf.statusCode).toBe(403);
  expect(noCsrf.json().error.code).toBe('forbidden');
  const badCsrf = await server.app.inject({ method: 'POST', url: '/api/admin/intents', headers: { cookie, 'x-csrf-token': `${csrfToken}x` }, payload: newIntent('bad_csrf') });
  expect(badCsrf.statusCode).toBe(403);
  const withCsrf = await server.app.inject({ method: 'POST', url: '/api/admin/intents', headers: { cookie, 'x-csrf-token': csrfToken }, payload: newIntent('with_csrf') });
  expect(withCsrf.statusCode).toBe(201);
  expect(await server.db.prisma.intent.count({ where: { name: { in: ['no_csrf', 'bad_csrf'] } } })).toBe(0);

  // A reloaded page asks for its session and a fresh token; another admin session's token does not fit this one.
  const resumed = await server.app.inject({ url: '/api/admin/session', headers: { cookie } });
  expect(resumed.json().principal.email).toBe('ada@example.com');
  const other = (await server.app.inject({ method: 'POST', url: '/api/admin/session', payload: { token: server.token } })).json().csrfToken;
  expect((await server.app.inject({ method: 'DELETE', url: '/api/admin/intents/with_csrf', headers: { cookie, 'x-csrf-token': other } })).statusCode).toBe(403);
  expect((await server.app.inject({ method: 'DELETE', url: '/api/admin/intents/with_csrf', headers: { cookie, 'x-csrf-token': resumed.json().csrfToken } })).statusCode).toBe(204);

  // Signing out needs the token too, ends the session in the database and clears the cookie.
  expect((await server.app.inject({ method: 'DELETE', url: '/api/admin/session', headers: { cookie } })).statusCode).toBe(403);
  const out = await server.app.inject({ method: 'DELETE', url: '/api/admin/session', headers: { cookie, 'x-csrf-token': csrfToken } });
  expect(out.statusCode).toBe(204);
  expect(String(out.headers['set-cookie'])).toMatch(/deskbot_admin_session=;.*Expires=Thu, 01 Jan 1970/);
  expect((await server.app.inject({ url: '/api/admin/intents', headers: { cookie } })).statusCode).toBe(401);
});

test('the admin page is served with a strict content security policy; the queue dashboard path is not taken', async () => {
  const page = await server.app.inject({ url: '/admin' });
  expect(page.statusCode).toBe(200);
  expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  expect(page.body).toContain('/admin/static/admin.js');
  expect((await server.app.inject({ url: '/admin/static/admin.js' })).headers['content-type']).toMatch(/javascript/);
  expect((await server.app.inject({ url: '/admin/static/..%2Fhttp%2Fadmin-schemas.ts' })).statusCode).toBe(404);
  expect((await server.app.inject({ url: '/admin/queues' })).statusCode).toBe(404);
});
