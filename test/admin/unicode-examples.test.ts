import { afterAll, beforeAll, expect, test } from 'vitest';
import { extractFeatures } from '../../src/classification/extract-features.js';
import { callAdmin, startAdminServer, type AdminServer } from './start-admin-server.js';
import { groupLabelledTexts } from '../../src/admin/formats/intent-file.js';

let server: AdminServer;
beforeAll(async () => { server = await startAdminServer(); });
afterAll(async () => { await server?.close(); });

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>) => callAdmin(server, method, url, payload, headers);

// The same words with the accents typed two ways: precomposed (NFC) and as a letter plus a combining mark (NFD).
const composed = 'Le VPN du café est coupé';
const decomposed = composed.normalize('NFD');
const examplesOf = async (name: string): Promise<string[]> => (await call('GET', `/api/admin/intents/${name}`)).body.intent.examples.map((e: { text: string }) => e.text);

test('the two forms of one accented text differ as strings (what this file is about)', () => {
  expect(decomposed).not.toBe(composed);
  expect(decomposed.toLowerCase()).not.toBe(composed.toLowerCase());
});

test('an example typed with combining accents is stored in NFC, and the precomposed text is then the same example', async () => {
  const first = await call('POST', '/api/admin/intents/vpn_down/examples', { texts: [decomposed] });
  expect([first.status, first.body.added]).toEqual([200, 1]);
  expect(await examplesOf('vpn_down')).toContain(composed);
  const again = await call('POST', '/api/admin/intents/vpn_down/examples', { texts: [composed, composed.toUpperCase().normalize('NFD')] });
  expect([again.status, again.body.added]).toEqual([200, 0]);
  expect((await examplesOf('vpn_down')).filter((t) => t.toLowerCase() === composed.toLowerCase())).toHaveLength(1);
  // Another intent holding the other form shares the text: it is reported as such.
  const created = await call('POST', '/api/admin/intents', { name: 'cafe_wifi', kind: 'incident', examples: [composed, decomposed, 'wifi in the café is slow'.normalize('NFD')] });
  expect(created.status).toBe(201);
  expect(created.body.intent.examples.map((e: { text: string }) => e.text).sort()).toEqual([composed, 'wifi in the café is slow'].sort());
  expect(created.body.sharedWithOtherIntents).toEqual([{ text: composed, intents: ['vpn_down'] }]);
});

test('an example is as long as its NFC form: combining accents do not count twice against the limit', async () => {
  const long = 'é'.repeat(300);
  expect(long.normalize('NFD').length).toBe(600);
  const added = await call('POST', '/api/admin/intents/password_reset/examples', { texts: [long.normalize('NFD')] });
  expect([added.status, added.body.added]).toEqual([200, 1]);
  expect(await examplesOf('password_reset')).toContain(long);
});

test('imports in every format store texts in NFC and merge them with the same text in the other form', async () => {
  const held = 'imprimante bloquée au 2ème étage';
  expect((await call('POST', '/api/admin/intents/printer_jam/examples', { texts: [held] })).body.added).toBe(1);
  const nfd = held.normalize('NFD');
  const fresh = (n: number) => `toner épuisé ${n}`.normalize('NFD');
  const files = [
    { format: 'csv', content: `text,intent\n${nfd},printer_jam\n${fresh(1)},printer_jam\n` },
    { format: 'deskbot', content: JSON.stringify({ intents: [{ name: 'printer_jam', kind: 'incident', description: 'Printer not printing', defaultImpact: 3, defaultUrgency: 3, examples: [nfd, fresh(2)] }], outOfScopeExamples: [] }) },
    { format: 'rasa', content: `nlu:\n- intent: printer_jam\n  examples: |\n    - ${nfd}\n    - ${fresh(3)}\n` },
    { format: 'luis', content: JSON.stringify({ intents: [{ name: 'printer_jam' }], utterances: [{ text: nfd, intent: 'printer_jam' }, { text: fresh(4), intent: 'printer_jam' }] }) },
  ];
  for (const file of files) {
    const res = await call('POST', '/api/admin/import', { content: file.content, format: file.format });
    expect([file.format, res.status, res.body.summary?.examplesAdded]).toEqual([file.format, 200, 1]);
  }
  const texts = await examplesOf('printer_jam');
  expect(texts.filter((t) => t === held)).toHaveLength(1);
  expect(texts.filter((t) => t !== t.normalize('NFC'))).toEqual([]);
  expect(texts).toEqual(expect.arrayContaining([1, 2, 3, 4].map((n) => `toner épuisé ${n}`)));
});

test('the classifier reads both forms of a message as the same features', () => {
  const a = extractFeatures(composed);
  const b = extractFeatures(decomposed);
  expect(b.tokens).toEqual(a.tokens);
  for (const group of ['word', 'bigram', 'char', 'cue'] as const) expect([...b[group]]).toEqual([...a[group]]);
});

test('an intent name that differs only in Unicode form is not reported as renamed', () => {
  const decomposed = 'cafe\u0301_x';
  const catalogue = groupLabelledTexts([{ text: 'the coffee machine is broken', intent: decomposed }, { text: 'no coffee', intent: 'coffee machine' }]);
  expect(catalogue.intents.map((i) => i.name)).toEqual(['caf\u00e9_x', 'coffee_machine']);
  // A visible change (a space made `_`) is a rename; the invisible one is not.
  expect(catalogue.renamed).toEqual([{ from: 'coffee machine', to: 'coffee_machine' }]);
});
