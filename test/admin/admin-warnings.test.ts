import { afterAll, beforeAll, expect, test } from 'vitest';
import { callAdmin, startAdminServer, type AdminServer } from './start-admin-server.js';

let server: AdminServer;
beforeAll(async () => { server = await startAdminServer(); });
afterAll(async () => { await server?.close(); });

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>) => callAdmin(server, method, url, payload, headers);

test('out_of_scope refuses settings that would do nothing or drop its examples, and takes a description', async () => {
  const kind = await call('PATCH', '/api/admin/intents/out_of_scope', { kind: 'incident' });
  expect([kind.status, kind.body.error.code]).toEqual([400, 'bad_request']);
  expect(kind.body.error.message).toMatch(/"out_of_scope" cannot have "kind" set: it is not a request type/);
  const disabled = await call('PATCH', '/api/admin/intents/out_of_scope', { enabled: false });
  expect([disabled.status, disabled.body.error.message]).toEqual([400, expect.stringMatching(/disabling it would leave every out-of-scope example out of the model/)]);
  const intent = (await call('GET', '/api/admin/intents/out_of_scope')).body.intent;
  expect(intent).toMatchObject({ kind: 'question', enabled: true });
  expect((await call('PATCH', '/api/admin/intents/out_of_scope', { description: 'Not for the desk' })).body.intent.description).toBe('Not for the desk');
  const file = { intents: [{ name: 'out_of_scope', kind: 'incident', description: '', defaultImpact: 1, defaultUrgency: 1, examples: [] },
    { name: 'printer_jam', kind: 'incident', description: 'Printer not printing', defaultImpact: 3, defaultUrgency: 3, examples: ['printer out of paper'] }], outOfScopeExamples: [] };
  const imported = await call('POST', '/api/admin/import', { content: JSON.stringify(file) });
  expect([imported.status, imported.body.error?.message]).toEqual([200, undefined]);
  expect((await call('GET', '/api/admin/intents/out_of_scope')).body.intent).toMatchObject({ kind: 'question', defaultImpact: 3, enabled: true });
});

test('examples differing only in case are stored once per intent; texts other intents hold are reported, not refused', async () => {
  const added = await call('POST', '/api/admin/intents/vpn_down/examples', { texts: ['VPN is DOWN', 'VPN tunnel gone', 'vpn TUNNEL gone', 'Locked out of my account'] });
  expect(added.status).toBe(200);
  expect(added.body).toEqual({ added: 2, sharedWithOtherIntents: [{ text: 'Locked out of my account', intents: ['password_reset'] }] });
  const texts = (await call('GET', '/api/admin/intents/vpn_down')).body.intent.examples.map((e: { text: string }) => e.text.toLowerCase());
  expect(texts.filter((t: string) => t === 'vpn is down')).toHaveLength(1);
  expect(texts.filter((t: string) => t === 'vpn tunnel gone')).toHaveLength(1);
  const created = await call('POST', '/api/admin/intents', { name: 'badge_fault', kind: 'incident', examples: ['Tell me a JOKE', 'badge broken'] });
  expect(created.body.sharedWithOtherIntents).toEqual([{ text: 'Tell me a JOKE', intents: ['out_of_scope'] }]);
  const imported = await call('POST', '/api/admin/import', { content: 'text,intent\nTHE PRINTER IS JAMMED,printer_jam\nbadge broken,printer_jam\n' });
  expect(imported.body.summary).toMatchObject({ examplesAdded: 1, sharedExamples: [{ text: 'badge broken', intents: ['badge_fault', 'printer_jam'] }] });
});

test('publishing a thin draft works but warns: no out_of_scope examples, fewer than 3 intents', async () => {
  const oos = (await call('GET', '/api/admin/intents/out_of_scope')).body.intent.examples as Array<{ id: string; text: string }>;
  for (const e of oos) expect((await call('DELETE', `/api/admin/intents/out_of_scope/examples/${e.id}`)).status).toBe(204);
  for (const name of ['vpn_down', 'badge_fault']) expect((await call('PATCH', `/api/admin/intents/${name}`, { enabled: false })).status).toBe(200);
  const thin = await call('POST', '/api/admin/versions', { note: 'thin' });
  expect(thin.status).toBe(201);
  expect(thin.body.warnings).toEqual([expect.stringMatching(/no out_of_scope examples/), expect.stringMatching(/only 2 enabled intents/)]);
  expect((await call('POST', '/api/admin/intents/out_of_scope/examples', { texts: oos.map((e) => e.text) })).status).toBe(200);
  expect((await call('PATCH', '/api/admin/intents/vpn_down', { enabled: true })).status).toBe(200);
  const fine = await call('POST', '/api/admin/versions', { note: 'fine' });
  expect([fine.status, fine.body.warnings]).toEqual([201, []]);
}, 120_000);
