import { afterAll, beforeAll, expect, test } from 'vitest';
import { callAdmin, startAdminServer, type AdminServer } from './start-admin-server.js';

let server: AdminServer;
beforeAll(async () => { server = await startAdminServer(); });
afterAll(async () => { await server?.close(); });

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>) => callAdmin(server, method, url, payload, headers);

const draftNames = async () => (await call('GET', '/api/admin/intents')).body.intents.map((i: { name: string }) => i.name);

test('a file that names the same intent twice is refused whatever its format, and the draft is left alone', async () => {
  const before = await draftNames();
  const rasa = 'nlu:\n- intent: badge_fault\n  examples: |\n    - badge broken\n- intent: badge_fault\n  examples: |\n    - door will not open\n';
  const deskbot = { intents: [{ name: 'badge_fault', kind: 'incident', description: '', defaultImpact: 3, defaultUrgency: 3, examples: ['badge broken'] },
    { name: 'badge_fault', kind: 'question', description: '', defaultImpact: 3, defaultUrgency: 3, examples: ['door will not open'] }], outOfScopeExamples: [] };
  const luis = { intents: [{ name: 'badge_fault' }, { name: 'badge_fault' }], utterances: [{ text: 'badge broken', intent: 'badge_fault' }] };
  for (const content of [rasa, JSON.stringify(deskbot), JSON.stringify(luis)]) {
    const res = await call('POST', '/api/admin/import', { content });
    expect([res.status, res.body.error.code]).toEqual([400, 'bad_request']);
    expect(res.body.error.message).toMatch(/names intent "badge_fault" twice/);
  }
  // CSV rows name their intent once per example: that is the format, not a duplicate.
  const csv = await call('POST', '/api/admin/import', { content: 'text,intent\nbadge broken,badge_fault\ndoor will not open,badge_fault\n' });
  expect(csv.body.summary).toMatchObject({ intentsCreated: ['badge_fault'], examplesAdded: 2 });
  expect(await draftNames()).toEqual([...before, 'badge_fault'].sort());
});

test('intent names that differ only in case are refused: 409 against the draft, 400 within one file; a merge adds to the draft intent', async () => {
  const created = await call('POST', '/api/admin/intents', { name: 'Coffee_Machine', kind: 'incident', examples: ['coffee machine broken'] });
  expect(created.status).toBe(201);
  const twin = await call('POST', '/api/admin/intents', { name: 'coffee_machine', kind: 'incident' });
  expect([twin.status, twin.body.error.code]).toEqual([409, 'conflict']);
  expect(twin.body.error.message).toMatch(/"Coffee_Machine" exists already; names differing only in case/);
  // A merge import is no second name: it adds to the draft's intent (test/admin/import-case-merge.test.ts).
  const imported = await call('POST', '/api/admin/import', { content: 'text,intent\nno coffee today,coffee_machine\n' });
  expect([imported.status, imported.body.summary.intentsUpdated]).toEqual([200, ['Coffee_Machine']]);
  const inFile = await call('POST', '/api/admin/import', { content: 'text,intent\nkettle broken,Kettle\nno hot water,kettle\n' });
  expect([inFile.status, inFile.body.error.code]).toEqual([400, 'bad_request']);
  expect(inFile.body.error.message).toMatch(/"Kettle" and "kettle", which differ only in case/);
  expect(await draftNames()).not.toContain('coffee_machine');
  expect(await draftNames()).not.toContain('kettle');
});

test('articles naming intents the draft does not have are refused, like unknown article slugs on intents', async () => {
  const bad = await call('POST', '/api/admin/articles', { slug: 'toner', title: 'Replace toner', body: 'Open the front.', intents: ['printer_jam', 'toner_empty'] });
  expect([bad.status, bad.body.error.code]).toEqual([400, 'bad_request']);
  expect(bad.body.error.message).toBe('No intent named "toner_empty".');
  expect((await call('GET', '/api/admin/articles/toner')).status).toBe(404);
  expect((await call('POST', '/api/admin/articles', { slug: 'toner', title: 'Replace toner', body: 'Open the front.', intents: ['printer_jam'] })).status).toBe(201);
  // Names match ignoring case (they are unique regardless of case): a second spelling is the same intent, once.
  const patched = await call('PATCH', '/api/admin/articles/toner', { intents: ['printer_jam', 'Printer_Jam'] });
  expect([patched.status, patched.body.article.intents]).toEqual([200, ['printer_jam']]);
});

test('the out-of-scope intent cannot be deleted', async () => {
  const res = await call('DELETE', '/api/admin/intents/out_of_scope');
  expect([res.status, res.body.error.code]).toEqual([400, 'bad_request']);
  expect(res.body.error.message).toMatch(/cannot be deleted; delete its examples instead/);
  expect(await draftNames()).toContain('out_of_scope');
});

test('versions can be named by number for export and activation', async () => {
  const live = server.holder.liveVersion()!;
  expect(live.number).toBe(1);
  for (const ref of ['1', 'v1', live.id]) {
    const res = await call('GET', `/api/admin/export?format=csv&version=${ref}`);
    expect([ref, res.status]).toEqual([ref, 200]);
    expect(res.body).toContain('vpn keeps dropping,vpn_down');
  }
  expect((await call('GET', '/api/admin/export?format=csv&version=99')).status).toBe(404);
  const activated = await call('POST', '/api/admin/versions/1/activate', {});
  expect([activated.status, activated.body.version]).toEqual([200, { id: live.id, number: 1 }]);
  const missing = await call('POST', '/api/admin/versions/99/activate', {});
  expect([missing.status, missing.body.error.message]).toEqual([404, 'No model version 99.']);
});

test('a body over the limit is a 413 that states the limit', async () => {
  const file = await call('POST', '/api/admin/import', `text,intent\n${'printer broken,printer_jam\n'.repeat(220_000)}`, { 'content-type': 'text/csv' });
  expect([file.status, file.body.error.code, file.body.error.message]).toEqual([413, 'too_large', 'The request body is larger than 5 MiB.']);
  const intent = await call('POST', '/api/admin/intents', { name: 'huge', kind: 'question', description: 'x'.repeat(600_000) });
  expect([intent.status, intent.body.error.message]).toEqual([413, 'The request body is larger than 512 KiB.']);
});
