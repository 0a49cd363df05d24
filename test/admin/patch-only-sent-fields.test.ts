import { afterAll, beforeAll, expect, test } from 'vitest';
import { updateArticleBody, updateIntentBody } from '../../src/admin/http/admin-schemas.js';
import { callAdmin, startAdminServer, type AdminServer } from './start-admin-server.js';

let server: AdminServer;
beforeAll(async () => { server = await startAdminServer(); });
afterAll(async () => { await server?.close(); });

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>) => callAdmin(server, method, url, payload, headers);

test('a PATCH of an article changes only the fields sent: its tags and intents stay', async () => {
  const created = await call('POST', '/api/admin/articles', { slug: 'unlock', title: 'Unlock', body: 'Call us.', tags: ['account'], intents: ['password_reset'] });
  expect(created.status).toBe(201);
  const patched = await call('PATCH', '/api/admin/articles/unlock', { title: 'Unlock your account' });
  expect(patched.status).toBe(200);
  expect(patched.body.article).toMatchObject({ title: 'Unlock your account', body: 'Call us.', tags: ['account'], intents: ['password_reset'] });
});

test('a PATCH of an intent changes only the settings sent', async () => {
  const before = (await call('GET', '/api/admin/intents/vpn_down')).body.intent;
  const patched = await call('PATCH', '/api/admin/intents/vpn_down', { description: 'VPN will not connect' });
  expect(patched.body.intent).toEqual({ ...before, description: 'VPN will not connect', version: patched.body.intent.version });
});

test('no PATCH schema fills in a field the body left out (a zod default would)', () => {
  const oneField: Array<[string, { safeParse(v: unknown): { success: boolean; data?: unknown } }, Record<string, unknown>]> = [
    ['article', updateArticleBody, { title: 'x' }],
    ['intent', updateIntentBody, { description: 'x' }],
  ];
  for (const [name, schema, body] of oneField) {
    const parsed = schema.safeParse(body);
    expect([name, parsed.data]).toEqual([name, body]);
  }
});
