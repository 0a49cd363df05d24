import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { adminErrorResponse } from '../../src/admin/http/admin-error-response.js';
import { callAdmin, startAdminServer, type AdminServer } from './start-admin-server.js';

let server: AdminServer;
beforeAll(async () => { server = await startAdminServer(); });
afterAll(async () => { await server?.close(); });

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>) => callAdmin(server, method, url, payload, headers);

test('NUL characters are stripped from every admin text before it is stored, not answered with a 500', async () => {
  const added = await call('POST', '/api/admin/intents/vpn_down/examples', { texts: ['nul\u0000inside'] });
  expect([added.status, added.body]).toMatchObject([200, { added: 1 }]);
  const created = await call('POST', '/api/admin/intents', { name: 'badge_fault', kind: 'incident', description: 'door\u0000 badge', examples: ['badge\u0000 broken'] });
  expect(created.status).toBe(201);
  expect(created.body.intent).toMatchObject({ description: 'door badge', examples: [{ text: 'badge broken' }] });
  const article = await call('POST', '/api/admin/articles', { slug: 'nul', title: 'Ti\u0000tle', body: 'Bo\u0000dy', tags: ['t\u0000ag'] });
  expect(article.body.article).toMatchObject({ title: 'Title', body: 'Body', tags: ['tag'] });
  const csv = await call('POST', '/api/admin/import?format=csv', 'text,intent\nprinter\u0000 on fire,printer_jam\n', { 'content-type': 'text/csv' });
  expect([csv.status, csv.body.summary.examplesAdded]).toEqual([200, 1]);
  const inJson = await call('POST', '/api/admin/import', { content: 'text,intent\ntoner\u0000 empty,printer_jam\n' });
  expect(inJson.status).toBe(200);
  const texts = (await call('GET', '/api/admin/intents/printer_jam')).body.intent.examples.map((e: { text: string }) => e.text);
  expect(texts).toEqual(expect.arrayContaining(['printer on fire', 'toner empty']));
  expect((await call('GET', '/api/admin/intents/vpn_down')).body.intent.examples.map((e: { text: string }) => e.text)).toContain('nulinside');
});

test('two requests creating the same intent at once: one 201, the others 409 conflict, never a 500', async () => {
  const results = await Promise.all(Array.from({ length: 6 }, () => call('POST', '/api/admin/intents', { name: 'racing', kind: 'incident' })));
  expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  for (const r of results.filter((x) => x.status === 409)) expect(r.body.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/intent named "racing" exists already|An intent with this name exists already/) });
});

test('names or examples differing only in case, sent at the same moment, are stored once (case-insensitive keys)', async () => {
  const names = ['Case_Race', 'case_race', 'CASE_RACE', 'Case_race', 'cAse_race', 'case_RACE'];
  const created = await Promise.all(names.map((name) => call('POST', '/api/admin/intents', { name, kind: 'incident' })));
  expect(created.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  expect(await server.db.prisma.intent.count({ where: { name: { equals: 'case_race', mode: 'insensitive' } } })).toBe(1);
  const winner = created.find((r) => r.status === 201)!.body.intent.name as string;
  const texts = ['Printer Eats Paper', 'printer eats paper', 'PRINTER EATS PAPER', 'printer eats Paper'];
  const added = await Promise.all(texts.map((text) => call('POST', `/api/admin/intents/${winner}/examples`, { texts: [text] })));
  for (const r of added) expect(r.status).toBe(200);
  const stored = (await call('GET', `/api/admin/intents/${winner}`)).body.intent.examples.map((e: { text: string }) => e.text.toLowerCase());
  expect(stored.filter((t: string) => t === 'printer eats paper')).toHaveLength(1);
});

test('an intent is found by its name in any case; `_` in a name is a character, not a wildcard', async () => {
  expect((await call('POST', '/api/admin/intents', { name: 'Badge_Reader', kind: 'incident' })).status).toBe(201);
  expect((await call('GET', '/api/admin/intents/badge_reader')).body.intent.name).toBe('Badge_Reader');
  expect((await call('POST', '/api/admin/intents/BADGE_READER/examples', { texts: ['badge reader dead'] })).body.added).toBe(1);
  expect((await call('PATCH', '/api/admin/intents/badge_READER', { description: 'Door badge readers' })).body.intent).toMatchObject({ name: 'Badge_Reader', description: 'Door badge readers' });
  expect((await call('GET', '/api/admin/intents/badgeXreader')).status).toBe(404);
  expect((await call('POST', '/api/admin/intents', { name: 'BadgeXReader', kind: 'incident' })).status).toBe(201);
  expect((await call('DELETE', '/api/admin/intents/badge_reader')).status).toBe(204);
  expect((await call('GET', '/api/admin/intents/BadgeXReader')).status).toBe(200);
});

test('a unique-key violation from the database is a 409 conflict naming the record, in any admin route', async () => {
  await server.db.prisma.knowledgeArticle.create({ data: { slug: 'twice', title: 't', body: 'b' } });
  const err = await server.db.prisma.knowledgeArticle.create({ data: { slug: 'twice', title: 't', body: 'b' } }).catch((e: unknown) => e);
  expect(adminErrorResponse(err, pino({ level: 'silent' }), '/api/admin/articles')).toEqual({
    status: 409, body: { error: { code: 'conflict', message: 'An article with this slug exists already (it was saved by another request at the same moment). Reload and try again.' } },
  });
  const raw = await server.db.prisma.$executeRaw`INSERT INTO "KnowledgeArticle" (id, slug, title, body, "updatedAt") VALUES ('x', 'twice', 't', 'b', now())`.catch((e: unknown) => e);
  expect(adminErrorResponse(raw, pino({ level: 'silent' }), '/api/admin/articles').status).toBe(409);
});

test('a body that is not valid JSON gets a coded 400 saying where it breaks', async () => {
  const bad = await call('POST', '/api/admin/intents', '{"name": "x", "kind": "incident",}', { 'content-type': 'application/json' });
  expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_json']);
  expect(bad.body.error.message).toMatch(/^The request body is not valid JSON: .*position \d+/);
  const empty = await call('POST', '/api/admin/intents', '', { 'content-type': 'application/json' });
  // No body is not bad JSON; a route that needs one refuses it as a missing body.
  expect([empty.status, empty.body.error.code]).not.toEqual([400, 'invalid_json']);
  expect(empty.status).toBe(400);
  const poisoned = await call('POST', '/api/admin/intents', '{"__proto__": {"admin": true}, "name": "y", "kind": "incident"}', { 'content-type': 'application/json' });
  expect([poisoned.status, poisoned.body.error.code]).toEqual([400, 'invalid_json']);
  expect((await call('GET', '/api/admin/intents/y')).status).toBe(404);
});

test('intent names given to the API are stored and looked up in NFC, so a combining accent is not a second name', async () => {
  const decomposed = 'cafe\u0301_test';
  expect((await call('POST', '/api/admin/intents', { name: decomposed, kind: 'incident', examples: ['the coffee machine leaks'] })).body.intent.name).toBe('café_test');
  expect((await call('POST', '/api/admin/intents', { name: 'café_TEST', kind: 'incident' })).status).toBe(409);
  expect((await call('GET', `/api/admin/intents/${encodeURIComponent(decomposed)}`)).status).toBe(200);
});

test('a bodiless request that still says content-type: application/json is not refused', async () => {
  const res = await server.app.inject({ method: 'POST', url: '/api/admin/versions/rollback', headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' } });
  expect(res.statusCode).not.toBe(400);
});
