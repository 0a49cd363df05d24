import { afterAll, beforeAll, expect, test } from 'vitest';
import { unlinkIntentsFromArticles } from '../../src/admin/draft/intent-article-links.js';
import { callAdmin, startAdminServer, type AdminServer } from './start-admin-server.js';

let server: AdminServer;
beforeAll(async () => { server = await startAdminServer(); });
afterAll(async () => { await server?.close(); });

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>) => callAdmin(server, method, url, payload, headers);

test('deleting an intent removes it from the articles that name it, so they can still be saved', async () => {
  expect((await call('POST', '/api/admin/intents', { name: 'badge_fault', kind: 'incident', examples: ['my badge does not open the door'] })).status).toBe(201);
  expect((await call('POST', '/api/admin/articles', { slug: 'badges', title: 'Badges', body: 'Hold it still.', intents: ['badge_fault', 'printer_jam'] })).status).toBe(201);
  const before = (await call('GET', '/api/admin/articles/badges')).body.article;
  expect((await call('DELETE', '/api/admin/intents/badge_fault')).status).toBe(204);
  const after = (await call('GET', '/api/admin/articles/badges')).body.article;
  expect(after.intents).toEqual(['printer_jam']);
  expect(after.updatedAt).not.toBe(before.updatedAt);
  const saved = await call('PATCH', '/api/admin/articles/badges', { title: 'Door badges' });
  expect([saved.status, saved.body.article.intents]).toEqual([200, ['printer_jam']]);
});

test('deleting an article removes its slug from the draft intents that link to it', async () => {
  expect((await call('POST', '/api/admin/articles', { slug: 'vpn-help', title: 'VPN', body: 'Restart the client.' })).status).toBe(201);
  expect((await call('PATCH', '/api/admin/intents/vpn_down', { articleSlugs: ['vpn-help', 'badges'] })).status).toBe(200);
  expect((await call('DELETE', '/api/admin/articles/vpn-help')).status).toBe(204);
  expect((await call('GET', '/api/admin/intents/vpn_down')).body.intent.articleSlugs).toEqual(['badges']);
  const saved = await call('PATCH', '/api/admin/intents/vpn_down', { description: 'VPN down' });
  expect([saved.status, saved.body.intent.articleSlugs]).toEqual([200, ['badges']]);
});

test('an import linking an intent to an unknown article is refused as POST /intents is, and changes nothing', async () => {
  const file = { intents: [{ name: 'toner_empty', kind: 'incident', description: '', defaultImpact: 3, defaultUrgency: 3, articleSlugs: ['badges', 'no-such-article'], examples: ['toner is empty'] }], outOfScopeExamples: [] };
  const imported = await call('POST', '/api/admin/import', { content: JSON.stringify(file) });
  expect([imported.status, imported.body.error.code]).toEqual([400, 'bad_request']);
  expect(imported.body.error.message).toMatch(/Intent "toner_empty" links to no knowledge article with slug "no-such-article"/);
  expect((await call('GET', '/api/admin/intents/toner_empty')).status).toBe(404);
  const posted = await call('POST', '/api/admin/intents', { name: 'toner_empty', kind: 'incident', articleSlugs: ['no-such-article'] });
  expect([posted.status, posted.body.error.code]).toEqual([400, 'bad_request']);
  file.intents[0]!.articleSlugs = ['badges'];
  expect((await call('POST', '/api/admin/import', { content: JSON.stringify(file) })).status).toBe(200);
  expect((await call('GET', '/api/admin/intents/toner_empty')).body.intent.articleSlugs).toEqual(['badges']);
});

test('an import in replace mode unlinks the intents it removes from articles, and says so', async () => {
  expect((await call('PATCH', '/api/admin/articles/badges', { intents: ['printer_jam', 'toner_empty'] })).status).toBe(200);
  const csv = 'text,intent\nthe printer is jammed,printer_jam\nvpn is down,vpn_down\nreset my password please,password_reset\n';
  const replaced = await call('POST', '/api/admin/import', { content: csv, mode: 'replace' });
  expect(replaced.status).toBe(200);
  expect(replaced.body.summary).toMatchObject({ intentsRemoved: ['toner_empty'], articlesUnlinked: ['badges'] });
  expect((await call('GET', '/api/admin/articles/badges')).body.article.intents).toEqual(['printer_jam']);
});

test('an article saved while the intent it names is being deleted waits for the delete, then is refused: no dangling link', async () => {
  expect((await call('POST', '/api/admin/intents', { name: 'kiosk_down', kind: 'incident', examples: ['the lobby kiosk is frozen'] })).status).toBe(201);
  let saving: ReturnType<typeof call> | undefined;
  await server.db.prisma.$transaction(async (tx) => {
    await tx.intent.delete({ where: { name: 'kiosk_down' } });
    await unlinkIntentsFromArticles(tx, ['kiosk_down']);
    saving = call('PATCH', '/api/admin/articles/badges', { intents: ['printer_jam', 'kiosk_down'] });
    // Give the PATCH time to reach its check while the delete is uncommitted (before the fix, it passed then).
    await new Promise((resolve) => setTimeout(resolve, 500));
  });
  const saved = await saving!;
  expect([saved.status, saved.body.error?.message]).toEqual([400, 'No intent named "kiosk_down".']);
  expect((await call('GET', '/api/admin/articles/badges')).body.article.intents).toEqual(['printer_jam']);
});

test("an article's intents are matched ignoring case and stored as the draft spells them", async () => {
  const created = await call('POST', '/api/admin/articles', { slug: 'jams', title: 'Paper jams', body: 'Open tray 2.', intents: ['PRINTER_JAM'] });
  expect(created.status).toBe(201);
  expect((await call('GET', '/api/admin/articles/jams')).body.article.intents).toEqual(['printer_jam']);
  const patched = await call('PATCH', '/api/admin/articles/jams', { intents: ['Printer_Jam', 'printer_jam', 'VPN_down'] });
  expect([patched.status, patched.body.article.intents]).toEqual([200, ['printer_jam', 'vpn_down']]);
  expect((await call('PATCH', '/api/admin/articles/jams', { intents: ['no_such_intent'] })).status).toBe(400);
});

test('unlinking keeps the order of the other links and stamps the record with the time of the change', async () => {
  expect((await call('POST', '/api/admin/intents', { name: 'middle_one', kind: 'incident', examples: ['the middle one is broken'] })).status).toBe(201);
  expect((await call('POST', '/api/admin/articles', { slug: 'ordered', title: 'Ordered', body: 'Three links.', intents: ['vpn_down', 'middle_one', 'printer_jam'] })).status).toBe(201);
  const deletedAt = Date.now();
  expect((await call('DELETE', '/api/admin/intents/middle_one')).status).toBe(204);
  const article = (await call('GET', '/api/admin/articles/ordered')).body.article;
  expect(article.intents).toEqual(['vpn_down', 'printer_jam']);
  expect(Math.abs(Date.parse(article.updatedAt) - deletedAt)).toBeLessThan(5000);

  expect((await call('POST', '/api/admin/articles', { slug: 'gone-soon', title: 'Gone soon', body: 'Deleted next.' })).status).toBe(201);
  expect((await call('PATCH', '/api/admin/intents/printer_jam', { articleSlugs: ['ordered', 'gone-soon', 'badges'] })).status).toBe(200);
  expect((await call('DELETE', '/api/admin/articles/gone-soon')).status).toBe(204);
  const intent = (await call('GET', '/api/admin/intents/printer_jam')).body.intent;
  expect(intent.articleSlugs).toEqual(['ordered', 'badges']);
  // The stamp is the intent's version: an edit made with it (If-Match) is accepted.
  expect((await call('PATCH', '/api/admin/intents/printer_jam', { description: 'Jams' }, { 'if-match': `"${intent.version}"` })).status).toBe(200);
});
