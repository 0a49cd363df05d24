import { afterAll, beforeAll, expect, test } from 'vitest';
import { importChunkRows } from '../../src/admin/draft/import-into-draft.js';
import { startAdminServer, type AdminServer } from './start-admin-server.js';

let server: AdminServer;
beforeAll(async () => { server = await startAdminServer(); });
afterAll(async () => { await server?.close(); });

async function importCsv(rows: string[], mode: 'merge' | 'replace' = 'merge') {
  const res = await server.app.inject({ method: 'POST', url: `/api/admin/import?mode=${mode}`, payload: `text,intent\n${rows.join('\n')}\n`, headers: { authorization: `Bearer ${server.token}`, 'content-type': 'text/csv' } });
  return { status: res.statusCode, body: res.json() };
}
const exampleCount = () => server.db.prisma.intentExample.count();
const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `printer fault number ${from + i},bulk_${(from + i) % 7}`);

test('an import written in several chunks stores every example once and counts them right', async () => {
  const n = importChunkRows * 2 + 123;
  const before = await exampleCount();
  const res = await importCsv(rows(n));
  expect([res.status, res.body.summary.examplesAdded, res.body.summary.intentsCreated.length]).toEqual([200, n, 7]);
  expect(await exampleCount()).toBe(before + n);
  // Replace with half of them: the other half goes, in chunks too, and is counted with the removed intents' examples.
  const kept = rows(n).slice(0, importChunkRows + 1);
  const replaced = await importCsv(kept, 'replace');
  expect(replaced.body.summary.examplesRemoved).toBe(before + n - kept.length);
  expect(await exampleCount()).toBe(kept.length);
});

test('a failure in the last chunk leaves nothing of the earlier chunks behind', async () => {
  const before = await exampleCount();
  // A trigger stands in for any database error (disk full, a constraint) arriving mid-import.
  await server.db.prisma.$executeRawUnsafe(`CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.text = 'poison' THEN RAISE EXCEPTION 'poisoned'; END IF; RETURN NEW; END $$`);
  await server.db.prisma.$executeRawUnsafe('CREATE TRIGGER refuse_poison BEFORE INSERT ON "IntentExample" FOR EACH ROW EXECUTE FUNCTION refuse_poison()');
  try {
    // Examples are written intent by intent in file order: the poisoned one, of a new intent, comes last.
    const res = await importCsv([...rows(importChunkRows * 2, 100_000), 'poison,last_one']);
    expect(res.status).toBe(500);
    expect(await exampleCount()).toBe(before);
    expect(await server.db.prisma.intent.count({ where: { name: 'last_one' } })).toBe(0);
    expect(await server.db.prisma.intent.count({ where: { name: { startsWith: 'bulk_' } } })).toBe(7);
  } finally {
    await server.db.prisma.$executeRawUnsafe('DROP TRIGGER refuse_poison ON "IntentExample"');
  }
});
