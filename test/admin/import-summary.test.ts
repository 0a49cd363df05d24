import { afterAll, beforeAll, expect, test } from 'vitest';
import { callAdmin, startAdminServer, type AdminServer } from './start-admin-server.js';

let server: AdminServer;
beforeAll(async () => { server = await startAdminServer(); });
afterAll(async () => { await server?.close(); });

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>) => callAdmin(server, method, url, payload, headers);
const importFile = (content: string, mode: 'merge' | 'replace' = 'merge') => call('POST', '/api/admin/import', { content, mode });

test('a merge lists as updated only the intents it changed, and counts the rest as unchanged', async () => {
  const same = 'text,intent\nvpn is down,vpn_down\ni forgot my password,password_reset\nprinting is broken,printer_jam\n';
  expect((await importFile(same)).body.summary).toMatchObject({ intentsCreated: [], intentsUpdated: [], intentsUnchanged: 3, examplesAdded: 0 });
  const oneNew = `${same}vpn drops on the train,vpn_down\n`;
  expect((await importFile(oneNew)).body.summary).toMatchObject({ intentsUpdated: ['vpn_down'], intentsUnchanged: 2, examplesAdded: 1 });
  // deskbot JSON carries settings: a changed setting alone is an update, the same settings are not.
  const settings = { kind: 'incident', description: 'VPN not connecting', defaultImpact: 3, defaultUrgency: 2, assignmentGroup: 'Network', examples: ['vpn is down'] };
  const json = (s: object) => JSON.stringify({ intents: [{ name: 'vpn_down', ...settings, ...s }], outOfScopeExamples: [] });
  expect((await importFile(json({}))).body.summary).toMatchObject({ intentsUpdated: [], intentsUnchanged: 1 });
  expect((await importFile(json({ defaultUrgency: 1 }))).body.summary).toMatchObject({ intentsUpdated: ['vpn_down'], intentsUnchanged: 0, examplesAdded: 0 });
});

test('replace counts the examples of the intents it removes', async () => {
  const before = (await call('GET', '/api/admin/intents')).body.intents as Array<{ name: string; exampleCount: number }>;
  const countOf = (name: string) => before.find((i) => i.name === name)!.exampleCount;
  const vpn = (await call('GET', '/api/admin/intents/vpn_down')).body.intent.examples.map((e: { text: string }) => e.text) as string[];
  const oos = (await call('GET', '/api/admin/intents/out_of_scope')).body.intent.examples.map((e: { text: string }) => e.text) as string[];
  const rows = [...vpn.map((t) => `${t},vpn_down`), ...oos.map((t) => `${t},out_of_scope`)];
  const res = await importFile(`text,intent\n${rows.join('\n')}\n`, 'replace');
  expect(res.body.summary).toMatchObject({ intentsRemoved: ['password_reset', 'printer_jam'], intentsUpdated: [], intentsUnchanged: 2, examplesAdded: 0 });
  expect(res.body.summary.examplesRemoved).toBe(countOf('password_reset') + countOf('printer_jam'));
  expect(res.body.summary.examplesRemoved).toBeGreaterThan(0);
});

test('intent names: letters of any script are kept, whitespace becomes _ and the rename is reported', async () => {
  const csv = 'text,intent\nla machine à café fuit,café_problème\nla machine est froide,cafe\u0301_problème\n会議室のプロジェクター,日本語\nthe kettle is off,has space\nthe kettle is cold,has space\n';
  const res = await importFile(csv);
  expect(res.status).toBe(200);
  expect(res.body.summary.intentsCreated).toEqual(['café_problème', '日本語', 'has_space']);
  // The accent typed as "e" + combining accent is the same name in NFC: merged, and not shown as a rename that
  // would read "café_problème → café_problème".
  expect(res.body.summary.intentsRenamed).toEqual([{ from: 'has space', to: 'has_space' }]);
  expect(res.body.skipped).toEqual([]);
  expect((await call('GET', `/api/admin/intents/${encodeURIComponent('café_problème')}`)).body.intent.exampleCount).toBe(2);
  // The API applies the same rule, so what an import creates can be edited by name.
  expect((await call('POST', '/api/admin/intents', { name: 'ヘルプデスク', kind: 'question' })).status).toBe(201);
  expect((await call('POST', '/api/admin/intents', { name: 'bad name!', kind: 'question' })).status).toBe(400);
  expect((await importFile('text,intent\nhello,bad name!\nhello,ok_name\n')).body.skipped).toEqual(['intent "bad name!": not a usable intent name']);
});

test('a Rasa intent without examples is reported, not dropped in silence', async () => {
  const rasa = 'nlu:\n- intent: meeting_room\n  examples: |\n    - the projector in room 4 is dead\n- intent: empty_one\n  examples: ""\n- intent: no_key\n';
  const res = await call('POST', '/api/admin/import', { content: rasa });
  expect(res.body.summary.intentsCreated).toEqual(['meeting_room']);
  expect(res.body.skipped).toEqual(['intent "empty_one": no examples', 'intent "no_key": no examples']);
});

test('a deskbot JSON export of the draft keeps disabled intents, so restoring it with replace removes nothing', async () => {
  expect((await call('POST', '/api/admin/intents', { name: 'kettle_fault', kind: 'incident', examples: ['the kettle is broken'] })).status).toBe(201);
  const patched = await server.app.inject({ method: 'PATCH', url: '/api/admin/intents/kettle_fault', payload: { enabled: false }, headers: { authorization: `Bearer ${server.token}` } });
  expect(patched.statusCode).toBe(200);
  const exported = await server.app.inject({ method: 'GET', url: '/api/admin/export?format=deskbot&version=draft', headers: { authorization: `Bearer ${server.token}` } });
  expect(JSON.parse(exported.body).intents.find((i: { name: string }) => i.name === 'kettle_fault')).toMatchObject({ enabled: false, examples: ['the kettle is broken'] });
  const restored = await importFile(exported.body, 'replace');
  expect(restored.status).toBe(200);
  expect(restored.body.summary).toMatchObject({ intentsRemoved: [], examplesRemoved: 0, intentsUpdated: [] });
  expect((await call('GET', '/api/admin/intents/kettle_fault')).body.intent).toMatchObject({ enabled: false, exampleCount: 1 });
});
