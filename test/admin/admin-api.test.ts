import { afterAll, beforeAll, expect, test } from 'vitest';
import { callAdmin, startAdminServer, type AdminServer } from './start-admin-server.js';

let server: AdminServer;
beforeAll(async () => { server = await startAdminServer(); });
afterAll(async () => { await server?.close(); });

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>) => callAdmin(server, method, url, payload, headers);

test('intents: create, edit every setting, add and remove examples, delete; bad input gets a coded 4xx', async () => {
  await call('POST', '/api/admin/articles', { slug: 'guest-wifi', title: 'Guest wifi for visitors', body: 'Ask reception for a voucher.' });
  const created = await call('POST', '/api/admin/intents', { name: 'guest_wifi', kind: 'service_request', examples: ['wifi for a visitor', ' wifi   for a visitor ', 'guest wifi code'] });
  expect(created.status).toBe(201);
  expect(created.body.intent).toMatchObject({ name: 'guest_wifi', kind: 'service_request', defaultImpact: 3, defaultUrgency: 3, askImpact: true, exampleCount: 2, enabled: true });
  const patched = await call('PATCH', '/api/admin/intents/guest_wifi', { kind: 'incident', defaultImpact: 2, defaultUrgency: 1, assignmentGroup: 'Network', articleSlugs: ['guest-wifi'], agentOnly: true, askImpact: false, description: 'Guest wifi' });
  expect(patched.body.intent).toMatchObject({ kind: 'incident', defaultImpact: 2, defaultUrgency: 1, askImpact: false, assignmentGroup: 'Network', articleSlugs: ['guest-wifi'], agentOnly: true });
  expect((await call('POST', '/api/admin/intents/guest_wifi/examples', { texts: ['visitor needs internet', 'guest wifi code'] })).body).toEqual({ added: 1, sharedWithOtherIntents: [] });
  const exampleId = patched.body.intent.examples[0].id;
  expect((await call('DELETE', `/api/admin/intents/guest_wifi/examples/${exampleId}`)).status).toBe(204);
  expect((await call('GET', '/api/admin/intents/guest_wifi')).body.intent.exampleCount).toBe(2);
  const listed = await call('GET', '/api/admin/intents');
  expect(listed.body.draftChanged).toBe(true);
  expect(listed.body.intents.find((i: { name: string }) => i.name === 'out_of_scope')).toMatchObject({ outOfScope: true, exampleCount: 5 });

  const refusals: Array<[string, string, unknown, number, string, RegExp]> = [
    ['POST', '/api/admin/intents', { name: 'guest_wifi', kind: 'question' }, 409, 'conflict', /exists already/],
    ['POST', '/api/admin/intents', { name: 'bad name!', kind: 'question' }, 400, 'bad_request', /^name: Not an intent name/],
    ['POST', '/api/admin/intents', { name: 'x', kind: 'complaint' }, 400, 'bad_request', /^kind: /],
    ['PATCH', '/api/admin/intents/guest_wifi', { defaultImpact: 4 }, 400, 'bad_request', /^defaultImpact/],
    ['PATCH', '/api/admin/intents/guest_wifi', { articleSlugs: ['no-such-article'] }, 400, 'bad_request', /no-such-article/],
    ['PATCH', '/api/admin/intents/guest_wifi', { colour: 'red' }, 400, 'bad_request', /colour/],
    ['PATCH', '/api/admin/intents/guest_wifi', {}, 400, 'bad_request', /Nothing to change/],
    ['PATCH', '/api/admin/intents/nope', { kind: 'question' }, 404, 'not_found', /nope/],
    ['POST', '/api/admin/intents/guest_wifi/examples', { texts: ['x'.repeat(501)] }, 400, 'bad_request', /over 500/],
    ['DELETE', '/api/admin/intents/nope', undefined, 404, 'not_found', /nope/],
  ];
  for (const [method, url, payload, status, code, message] of refusals) {
    const res = await call(method as 'POST', url, payload);
    expect([res.status, res.body.error.code], `${method} ${url} ${JSON.stringify(payload)}`).toEqual([status, code]);
    expect(res.body.error.message).toMatch(message);
  }
  expect((await call('DELETE', '/api/admin/intents/guest_wifi')).status).toBe(204);
  expect((await call('GET', '/api/admin/intents/guest_wifi')).status).toBe(404);
});

test('articles: create, edit and delete refresh the live knowledge index at once', async () => {
  const search = () => server.holder.current().knowledge.search('projector lamp replacement').map((h) => h.slug);
  expect(search()).toEqual([]);
  const created = await call('POST', '/api/admin/articles', { slug: 'projector-lamp', title: 'Projector lamp replacement', body: '# Lamp\nOrder a new lamp from facilities.', tags: ['projector'] });
  expect(created.status).toBe(201);
  expect(search()).toEqual(['projector-lamp']);
  expect((await call('POST', '/api/admin/articles', { slug: 'projector-lamp', title: 't', body: 'b' })).body.error.code).toBe('conflict');
  await call('PATCH', '/api/admin/articles/projector-lamp', { title: 'Beamer bulb swap' });
  expect(server.holder.current().knowledge.search('beamer bulb').map((h) => h.slug)).toEqual(['projector-lamp']);
  expect((await call('GET', '/api/admin/articles')).body.articles.map((a: { slug: string }) => a.slug)).toContain('projector-lamp');
  expect((await call('DELETE', '/api/admin/articles/projector-lamp')).status).toBe(204);
  expect(server.holder.current().knowledge.search('beamer bulb')).toEqual([]);
  expect((await call('POST', '/api/admin/articles', { slug: 'Bad Slug', title: 't', body: 'b' })).status).toBe(400);
});

test('import CSV, LUIS and deskbot JSON; export every format and read it back', async () => {
  const csv = 'text,intent\n"badge, reader broken",badge_fault\nmy badge will not open the door,badge_fault\nwhat is the weather,None\n';
  const fromCsv = await call('POST', '/api/admin/import', { content: csv, defaultKind: 'incident' });
  expect(fromCsv.body).toMatchObject({ format: 'csv', summary: { intentsCreated: ['badge_fault'], intentsUpdated: ['out_of_scope'], examplesAdded: 3 } });
  expect((await call('GET', '/api/admin/intents/badge_fault')).body.intent.kind).toBe('incident');
  const luis = { luis_schema_version: '7.0.0', intents: [{ name: 'badge_fault' }, { name: 'Empty One' }, { name: 'None' }], utterances: [{ text: 'door badge rejected', intent: 'badge_fault', entities: [] }] };
  const fromLuis = await call('POST', '/api/admin/import', { content: JSON.stringify(luis) });
  expect(fromLuis.body).toMatchObject({ format: 'luis', summary: { intentsUpdated: ['badge_fault'], examplesAdded: 1 }, skipped: ['intent "Empty One": no utterances'], notes: [] });
  // A new intent from a file without kinds gets defaultKind (question unless given), and the answer says so.
  const kindless = await call('POST', '/api/admin/import', { content: 'text,intent\nprojector will not turn on,projector_fault\n' });
  expect(kindless.body.notes).toEqual([expect.stringMatching(/^1 new intent got the kind "question" \(defaultKind\), as the file gives none: projector_fault\./)]);
  expect(fromCsv.body.notes).toEqual([expect.stringMatching(/kind "incident".*badge_fault/)]);
  expect((await call('POST', '/api/admin/import', 'nlu:\n  - intent: [unclosed', { 'content-type': 'application/yaml' })).body.error.code).toBe('bad_request');
  expect((await call('POST', '/api/admin/import', { content: 'just words' })).body.error.message).toMatch(/text.*intent/);

  for (const format of ['deskbot', 'csv', 'rasa', 'luis']) {
    const exported = await call('GET', `/api/admin/export?format=${format}`);
    expect(exported.headers['content-disposition']).toMatch(/^attachment; filename="deskbot-intents-draft\./);
    const content = typeof exported.body === 'string' ? exported.body : JSON.stringify(exported.body);
    // Read back in replace mode: the draft is unchanged, whatever the format.
    const back = await call('POST', '/api/admin/import', { content, mode: 'replace' });
    expect([format, back.body.format, back.body.summary.intentsCreated, back.body.summary.intentsRemoved, back.body.summary.examplesAdded, back.body.summary.examplesRemoved])
      .toEqual([format, format, [], [], 0, 0]);
  }
  const replaced = await call('POST', '/api/admin/import', { content: JSON.stringify({ intents: [{ name: 'badge_fault', kind: 'incident', description: 'Badge', defaultImpact: 2, defaultUrgency: 2, examples: ['badge broken'] }], outOfScopeExamples: [] }), mode: 'replace' });
  expect(replaced.body.summary.intentsRemoved).toEqual(expect.arrayContaining(['vpn_down', 'password_reset', 'printer_jam']));
  expect((await call('GET', '/api/admin/intents')).body.intents.map((i: { name: string }) => i.name)).toEqual(['badge_fault', 'out_of_scope']);
  // The live version still has everything: a version export is the frozen snapshot.
  const live = server.holder.liveVersion()!;
  const v1 = await call('GET', `/api/admin/export?format=csv&version=${live.id}`);
  expect(v1.body).toContain('vpn keeps dropping,vpn_down');
  expect((await call('GET', '/api/admin/export?format=csv&version=nope')).status).toBe(404);
});

test('versions: nothing to publish or roll back is a 409; unknown versions 404', async () => {
  const fresh = await startAdminServer();
  try {
    const headers = { authorization: `Bearer ${fresh.token}` };
    const publish = await fresh.app.inject({ method: 'POST', url: '/api/admin/versions', headers, payload: {} });
    expect([publish.statusCode, publish.json().error.code]).toEqual([409, 'no_changes']);
    const rollback = await fresh.app.inject({ method: 'POST', url: '/api/admin/versions/rollback', headers, payload: {} });
    expect([rollback.statusCode, rollback.json().error.code]).toEqual([409, 'conflict']);
    expect((await fresh.app.inject({ method: 'POST', url: '/api/admin/versions/nope/activate', headers, payload: {} })).statusCode).toBe(404);
  } finally {
    await fresh.close();
  }
});

test('rolling back twice goes two versions back, then says there is nothing older', async () => {
  const fresh = await startAdminServer();
  try {
    const headers = { authorization: `Bearer ${fresh.token}` };
    const post = async (url: string, payload: object = {}) => {
      const res = await fresh.app.inject({ method: 'POST', url, headers, payload });
      return { status: res.statusCode, body: res.json() };
    };
    const live = async () => {
      const res = await fresh.app.inject({ method: 'GET', url: '/api/admin/versions', headers });
      return res.json().versions.find((v: { live: boolean }) => v.live).number as number;
    };
    expect(await live()).toBe(1);
    await post('/api/admin/intents', { name: 'badge_fault', kind: 'incident', examples: ['my badge does not open the door'] });
    expect((await post('/api/admin/versions')).status).toBe(201);
    await post('/api/admin/intents/badge_fault/examples', { texts: ['the door reader rejects my badge'] });
    expect((await post('/api/admin/versions')).status).toBe(201);
    expect(await live()).toBe(3);
    expect((await post('/api/admin/versions/rollback')).body.version.number).toBe(2);
    expect((await post('/api/admin/versions/rollback')).body.version.number).toBe(1);
    expect(await live()).toBe(1);
    expect((await post('/api/admin/versions/rollback')).status).toBe(409);
  } finally {
    await fresh.close();
  }
}, 60_000);
