import { afterAll, beforeAll, expect, test } from 'vitest';
import { callAdmin, startAdminServer, type AdminServer } from './start-admin-server.js';

let server: AdminServer;
beforeAll(async () => { server = await startAdminServer(); });
afterAll(async () => { await server?.close(); });

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => callAdmin(server, method, url, payload);
const importFile = (content: string, mode: 'merge' | 'replace' = 'merge') => call('POST', '/api/admin/import', { content, mode });
const draftNames = async (): Promise<string[]> => (await call('GET', '/api/admin/intents')).body.intents.map((i: { name: string }) => i.name);
const intent = async (name: string) => (await call('GET', `/api/admin/intents/${name}`)).body.intent;

test('merge: a file name differing only in case goes into the draft intent, which keeps its spelling', async () => {
  expect((await call('POST', '/api/admin/intents', { name: 'Coffee_Machine', kind: 'incident', examples: ['coffee machine broken'] })).status).toBe(201);
  const csv = await importFile('text,intent\nno coffee today,coffee_machine\nCOFFEE MACHINE BROKEN,coffee_machine\n');
  expect(csv.status).toBe(200);
  expect(csv.body.summary).toMatchObject({
    intentsCreated: [], intentsUpdated: ['Coffee_Machine'], examplesAdded: 1, intentsRenamed: [{ from: 'coffee_machine', to: 'Coffee_Machine' }],
  });
  expect(csv.body.notes).toEqual([]);
  expect(await draftNames()).toContain('Coffee_Machine');
  expect(await draftNames()).not.toContain('coffee_machine');
  expect((await intent('Coffee_Machine')).examples.map((e: { text: string }) => e.text).sort()).toEqual(['coffee machine broken', 'no coffee today']);

  // deskbot JSON settings land on the draft intent too; a file name with a space is renamed, then merged: one entry.
  const json = { intents: [{ name: 'COFFEE_MACHINE', kind: 'incident', description: 'The office coffee machine', defaultImpact: 2, defaultUrgency: 2, examples: ['the coffee machine leaks'] }], outOfScopeExamples: [] };
  const withSettings = await importFile(JSON.stringify(json));
  expect(withSettings.body.summary).toMatchObject({ intentsCreated: [], intentsUpdated: ['Coffee_Machine'], examplesAdded: 1, intentsRenamed: [{ from: 'COFFEE_MACHINE', to: 'Coffee_Machine' }] });
  expect(await intent('Coffee_Machine')).toMatchObject({ name: 'Coffee_Machine', description: 'The office coffee machine', defaultImpact: 2, exampleCount: 3 });
  const luis = { intents: [{ name: 'coffee machine' }], utterances: [{ text: 'coffee machine out of beans', intent: 'coffee machine' }] };
  const spaced = await importFile(JSON.stringify(luis));
  expect(spaced.body.summary).toMatchObject({ intentsUpdated: ['Coffee_Machine'], examplesAdded: 1, intentsRenamed: [{ from: 'coffee machine', to: 'Coffee_Machine' }] });
  expect((await draftNames()).filter((n) => n.toLowerCase() === 'coffee_machine')).toEqual(['Coffee_Machine']);
});

test('replace still matches names exactly: the other spelling replaces the draft intent', async () => {
  const names = (await draftNames()).filter((n) => n !== 'Coffee_Machine' && n !== 'out_of_scope');
  const keep = await Promise.all(names.map(async (n) => `${(await intent(n)).examples[0].text},${n}`));
  const res = await importFile(`text,intent\n${keep.join('\n')}\ncoffee machine broken,coffee_machine\n`, 'replace');
  expect(res.status).toBe(200);
  expect(res.body.summary).toMatchObject({ intentsCreated: ['coffee_machine'], intentsRemoved: ['Coffee_Machine'], intentsRenamed: [] });
  expect(await draftNames()).toContain('coffee_machine');
  expect(await draftNames()).not.toContain('Coffee_Machine');
});
