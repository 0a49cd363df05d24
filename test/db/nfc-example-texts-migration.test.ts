import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
beforeAll(async () => { db = await createTestDatabase(); });
afterAll(async () => { await db?.drop(); });

const migration = path.resolve(import.meta.dirname, '../../prisma/migrations/20261207140000_nfc_example_texts/migration.sql');

test('examples stored before NFC are rewritten in NFC, one per intent and text ignoring case, the NFC one kept', async () => {
  const nfc = 'caf\u00e9 wifi down';
  expect(nfc.toUpperCase()).toBe('CAF\u00c9 WIFI DOWN');
  const nfd = 'cafe\u0301 wifi down';
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(`INSERT INTO "Intent" (id, name, kind, "updatedAt") VALUES ('i1', 'wifi', 'incident', now()), ('i2', 'cafe', 'incident', now())`);
    // What an older deskbot could store: both forms of one text under one intent (the case-insensitive key saw two
    // texts), two forms neither of which is NFC, and a text alone in another form.
    const rows = [['a', 'i1', nfd], ['b', 'i1', nfc.toUpperCase()], ['c', 'i2', 'cafe\u0301 e\u0301cole'], ['d', 'i2', 'caf\u00e9 e\u0301cole'], ['e', 'i2', 'E\u0301cole ferme\u0301e']];
    for (const row of rows) await client.query(`INSERT INTO "IntentExample" (id, "intentId", text) VALUES ($1, $2, $3)`, row);
    await client.query(await readFile(migration, 'utf8'));
    const after = (await client.query<{ id: string; intentId: string; text: string }>(`SELECT id, "intentId", text FROM "IntentExample" ORDER BY id`)).rows;
    expect(after).toEqual([
      { id: 'b', intentId: 'i1', text: 'CAF\u00c9 WIFI DOWN' },
      { id: 'c', intentId: 'i2', text: 'caf\u00e9 \u00e9cole' },
      { id: 'e', intentId: 'i2', text: '\u00c9cole ferm\u00e9e' },
    ]);
  } finally {
    await client.end();
  }
});
