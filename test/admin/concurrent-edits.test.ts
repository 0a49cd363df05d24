import { afterAll, beforeAll, expect, test } from 'vitest';
import { startAdminServer, type AdminServer } from './start-admin-server.js';

let server: AdminServer;
beforeAll(async () => { server = await startAdminServer(); });
afterAll(async () => { await server?.close(); });

async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, ifMatch?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${server.token}` };
  if (ifMatch) headers['if-match'] = ifMatch;
  const res = await server.app.inject({ method, url, payload, headers });
  return { status: res.statusCode, etag: res.headers.etag as string | undefined, body: res.statusCode === 204 ? null : res.json() };
}

test('two admins editing one intent: the second save, made on a stale read, is refused with 412 and changes nothing', async () => {
  await call('POST', '/api/admin/intents', { name: 'badge_fault', kind: 'incident' });
  const ada = await call('GET', '/api/admin/intents/badge_fault');
  const bob = await call('GET', '/api/admin/intents/badge_fault');
  expect(ada.etag).toBe(`"${ada.body.intent.version}"`);

  const saved = await call('PATCH', '/api/admin/intents/badge_fault', { assignmentGroup: 'Facilities' }, ada.etag);
  expect(saved.status).toBe(200);
  expect(saved.etag).not.toBe(ada.etag);

  const stale = await call('PATCH', '/api/admin/intents/badge_fault', { assignmentGroup: 'Service desk' }, bob.etag);
  expect(stale.status).toBe(412);
  expect(stale.body.error.code).toBe('changed');
  // The refusal names the record and the version that is now current (the ETag of the save that won).
  expect(stale.body.error.message).toBe(`Intent "badge_fault" was changed by someone else at ${JSON.parse(saved.etag!)}. Reload it and make your change again.`);
  expect((await call('DELETE', '/api/admin/intents/badge_fault', undefined, bob.etag)).status).toBe(412);
  expect((await call('GET', '/api/admin/intents/badge_fault')).body.intent.assignmentGroup).toBe('Facilities');

  // A fresh read can change it; without If-Match (scripts) the change is unconditional.
  expect((await call('PATCH', '/api/admin/intents/badge_fault', { assignmentGroup: 'Service desk' }, saved.etag)).status).toBe(200);
  expect((await call('PATCH', '/api/admin/intents/badge_fault', { defaultUrgency: 1 })).status).toBe(200);
  expect((await call('PATCH', '/api/admin/intents/badge_fault', { defaultUrgency: 2 }, 'not-an-etag')).status).toBe(400);
  const missing = await call('DELETE', '/api/admin/intents/nope', undefined, saved.etag);
  expect(missing).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: 'No intent named "nope".' } } });
});

test('two admins editing one article: a stale save or delete is refused with 412; the article keeps the first save', async () => {
  await call('POST', '/api/admin/articles', { slug: 'badge-help', title: 'Badge help', body: 'Hold the badge to the reader.', tags: [], intents: [] });
  const ada = await call('GET', '/api/admin/articles/badge-help');
  const bob = await call('GET', '/api/admin/articles/badge-help');
  const saved = await call('PATCH', '/api/admin/articles/badge-help', { title: 'Door badges' }, ada.etag);
  expect(saved.status).toBe(200);
  const stale = await call('PATCH', '/api/admin/articles/badge-help', { title: 'Badges' }, bob.etag);
  expect(stale.status).toBe(412);
  expect(stale.body.error).toEqual({
    code: 'changed', message: `Article "badge-help" was changed by someone else at ${JSON.parse(saved.etag!)}. Reload it and make your change again.`,
  });
  expect((await call('DELETE', '/api/admin/articles/badge-help', undefined, bob.etag)).status).toBe(412);
  expect((await call('GET', '/api/admin/articles/badge-help')).body.article.title).toBe('Door badges');
  const missing = await call('PATCH', '/api/admin/articles/nope', { title: 'Nope' }, saved.etag);
  expect(missing).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: 'No article with slug "nope".' } } });
});
