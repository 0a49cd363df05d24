import { afterAll, beforeAll, expect, test } from 'vitest';
import { rollbackLiveVersion } from '../../src/model-versions/index.js';
import { startAdminServer, type AdminServer } from './start-admin-server.js';

// "Roll back" undoes the last switch of the live version: it returns to the version live before it, and a version a
// rollback left does not come back by a later rollback.
let server: AdminServer;
beforeAll(async () => { server = await startAdminServer(); });
afterAll(async () => { await server?.close(); });

async function post(url: string, payload: object = {}) {
  const res = await server.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${server.token}` }, payload });
  return { status: res.statusCode, body: res.json() };
}
async function versions() {
  const res = await server.app.inject({ method: 'GET', url: '/api/admin/versions', headers: { authorization: `Bearer ${server.token}` } });
  const body = res.json();
  return { ...body, live: body.versions.find((v: { live: boolean }) => v.live).number as number };
}
let examples = 0;
/** Change the draft and publish it; resolves with the new version's number. */
async function editAndPublish(): Promise<number> {
  examples += 1;
  await post('/api/admin/intents/vpn_down/examples', { texts: [`vpn tunnel drops every ${examples} minutes`] });
  const published = await post('/api/admin/versions');
  expect(published.status).toBe(201);
  return published.body.version.number;
}

test('publish, roll back, publish again, roll back: returns to the version live before, not to the one rolled back', async () => {
  expect((await versions()).live).toBe(1);
  const bad = await editAndPublish();
  expect(bad).toBe(2);
  expect((await post('/api/admin/versions/rollback')).body.version.number).toBe(1);
  const next = await editAndPublish();
  expect(next).toBe(3);
  expect((await versions()).rollbackTo).toMatchObject({ number: 1 });
  expect((await post('/api/admin/versions/rollback')).body.version.number).toBe(1);
  expect(server.holder.liveVersion()?.number).toBe(1);
  // v1 was the first version: nothing is left to undo, and v2 (rolled back) must not come back.
  const refused = await post('/api/admin/versions/rollback');
  expect([refused.status, refused.body.error.code]).toEqual([409, 'conflict']);
  const listed = await versions();
  expect(listed.rollbackTo).toBeNull();
  expect(listed.activations.map((a: { from: number | null; to: number; action: string; undone: boolean }) => [a.from, a.to, a.action, a.undone])).toEqual([
    [3, 1, 'rollback', false],
    [1, 3, 'publish', true],
    [2, 1, 'rollback', false],
    [1, 2, 'publish', true],
    [null, 1, 'publish', false],
  ]);
  expect(listed.activations[0]).toMatchObject({ by: 'ada@example.com' });
}, 120_000);

test('make v2 live, then v1: Roll back returns to v2; again, to the version live before v2 was made live', async () => {
  const top = await editAndPublish();
  await post('/api/admin/versions/2/activate');
  await post('/api/admin/versions/1/activate');
  expect((await post('/api/admin/versions/rollback')).body.version.number).toBe(2);
  expect((await post('/api/admin/versions/rollback')).body.version.number).toBe(top);
  expect((await versions()).live).toBe(top);
  // Making the live version live again is not a switch: nothing recorded, nothing to undo by it.
  const before = (await versions()).activations.length;
  await post(`/api/admin/versions/${top}/activate`);
  expect((await versions()).activations).toHaveLength(before);
}, 120_000);

test('two rollbacks at once (two instances) undo two different switches, never the same one twice', async () => {
  const a = await editAndPublish();
  const b = await editAndPublish();
  const c = await editAndPublish();
  const results = await Promise.all([rollbackLiveVersion(server.db.prisma, 'x@example.com'), rollbackLiveVersion(server.db.prisma, 'y@example.com')]);
  expect(results.map((r) => r?.number).sort()).toEqual([a, b].sort());
  expect((await versions()).live).toBe(a);
  expect(c).toBe(b + 1);
}, 120_000);

test('a database upgraded from before switches were recorded can still undo its last switch', async () => {
  const from = (await versions()).live;
  const to = await editAndPublish();
  // As the migration leaves an older database: no record of this switch, only LiveModel's previous version.
  await server.db.prisma.modelActivation.deleteMany({ where: { toVersionId: { in: (await server.db.prisma.modelVersion.findMany({ where: { number: to } })).map((v) => v.id) } } });
  expect((await post('/api/admin/versions/rollback')).body.version.number).toBe(from);
}, 60_000);

test('draftChanged compares the draft with the live version also when that is not the newest', async () => {
  const older = await editAndPublish();
  await editAndPublish();
  // Undo the newest edit: the draft is version `older` again, which is live but not the newest version.
  const intent = (await server.app.inject({ method: 'GET', url: '/api/admin/intents/vpn_down', headers: { authorization: `Bearer ${server.token}` } })).json().intent;
  const newest = intent.examples.find((e: { text: string }) => e.text === `vpn tunnel drops every ${examples} minutes`);
  await server.app.inject({ method: 'DELETE', url: `/api/admin/intents/vpn_down/examples/${newest.id}`, headers: { authorization: `Bearer ${server.token}` } });
  await post(`/api/admin/versions/${older}/activate`);
  const draft = async () => (await server.app.inject({ method: 'GET', url: '/api/admin/intents', headers: { authorization: `Bearer ${server.token}` } })).json();
  expect(await draft()).toMatchObject({ draftChanged: false, liveVersion: { number: older } });
  expect((await versions()).draftChanged).toBe(false);
}, 60_000);
