import { afterAll, beforeAll, expect, test } from 'vitest';
import pg from 'pg';
import { pendingMigrations } from '../../src/db/pending-migrations.js';
import { adminUrl, createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
beforeAll(async () => { db = await createTestDatabase(); });
afterAll(async () => { await db?.drop(); });

test('every committed migration is pending until Prisma records it as finished', async () => {
  const before = await pendingMigrations(db.url);
  expect(before.length).toBeGreaterThan(0);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query(`CREATE TABLE "_prisma_migrations" (id text, checksum text, finished_at timestamptz, migration_name text, logs text, rolled_back_at timestamptz, started_at timestamptz, applied_steps_count int)`);
  await client.query(`INSERT INTO "_prisma_migrations" (id, migration_name, finished_at) SELECT gen_random_uuid()::text, unnest($1::text[]), now()`, [before]);
  expect(await pendingMigrations(db.url)).toEqual([]);
  await client.query(`INSERT INTO "_prisma_migrations" (id, migration_name, finished_at) VALUES ('x', 'broken', NULL)`);
  expect(await pendingMigrations(db.url)).toEqual(before);
  await client.end();
});

test('an unreachable database reports everything as pending', async () => {
  const url = new URL(adminUrl);
  url.port = '1';
  expect((await pendingMigrations(url.toString())).length).toBeGreaterThan(0);
});
