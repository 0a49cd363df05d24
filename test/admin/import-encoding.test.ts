import { afterAll, beforeAll, expect, test } from 'vitest';
import { startAdminServer, type AdminServer } from './start-admin-server.js';
import { decodeFileBytes } from '../../src/admin/formats/decode-file-bytes.js';

let server: AdminServer;
beforeAll(async () => { server = await startAdminServer(); });
afterAll(async () => { await server?.close(); });

async function upload(bytes: Buffer, contentType: string, query = '') {
  const res = await server.app.inject({ method: 'POST', url: `/api/admin/import${query}`, payload: bytes, headers: { authorization: `Bearer ${server.token}`, 'content-type': contentType } });
  return { status: res.statusCode, body: res.json() };
}

const examplesOf = async (name: string) => (await server.db.prisma.intentExample.findMany({ where: { intent: { name } }, select: { text: true } })).map((e) => e.text).sort();

test('UTF-8 files import with or without a BOM, and keep their accents', async () => {
  const rasa = 'nlu:\n- intent: coffee_machine\n  examples: |\n    - la machine à café est cassée\n';
  expect((await upload(Buffer.from(rasa, 'utf8'), 'application/yaml')).status).toBe(200);
  const csv = 'text,intent\nl’écran reste noir,coffee_machine\n';
  expect((await upload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]), 'text/csv')).status).toBe(200);
  expect(await examplesOf('coffee_machine')).toEqual(['la machine à café est cassée', 'l’écran reste noir']);
});

test('a Latin-1 file is refused with a 400 that names the encoding and the line, and nothing is stored', async () => {
  const rasa = 'nlu:\n- intent: kettle\n  examples: |\n    - la bouilloire est cassée\n';
  const res = await upload(Buffer.from(rasa, 'latin1'), 'application/yaml', '?format=rasa');
  expect([res.status, res.body.error.code]).toEqual([400, 'bad_request']);
  expect(res.body.error.message).toMatch(/not valid UTF-8 \(first bad byte on line 4/);
  expect(await examplesOf('kettle')).toEqual([]);
  // The same holds for a JSON body: JSON is UTF-8 by definition (RFC 8259).
  const json = await upload(Buffer.from(JSON.stringify({ content: 'text,intent\ncassé,kettle\n' }), 'latin1'), 'application/json');
  expect([json.status, json.body.error.message]).toEqual([400, expect.stringMatching(/not valid UTF-8/)]);
});

test('UTF-16 with a BOM is decoded; without one it is refused as UTF-16, not as a CSV without a header', async () => {
  const csv = 'text,intent\nle badge ne marche plus,badge_fault\n';
  const le = await upload(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]), 'text/csv');
  expect([le.status, le.body.summary?.intentsCreated]).toEqual([200, ['badge_fault']]);
  const swapped = Buffer.from(csv, 'utf16le').swap16();
  const be = await upload(Buffer.concat([Buffer.from([0xfe, 0xff]), swapped]), 'text/plain', '?format=csv');
  expect(be.status).toBe(200);
  expect(await examplesOf('badge_fault')).toEqual(['le badge ne marche plus']);
  const noBom = await upload(Buffer.from(csv, 'utf16le'), 'text/csv');
  expect([noBom.status, noBom.body.error.message]).toEqual([400, expect.stringMatching(/UTF-16 without a byte order mark/)]);
});

test('UTF-16 without a byte order mark is named as such, even when its accents make it invalid UTF-8', () => {
  const bytes = Buffer.from('text,intent\nla machine à café fuit,coffee\n', 'utf16le');
  expect(() => decodeFileBytes(bytes)).toThrow(/UTF-16 without a byte order mark/);
});
