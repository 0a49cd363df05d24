import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPrisma, type PrismaClient } from '../../src/db/client.js';

/** Admin connection used to create throwaway databases; the machine's PostgreSQL by default. */
export const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

/**
 * Create a fresh PostgreSQL database with every committed migration applied (the same SQL `prisma migrate deploy` runs),
 * so each test file gets its own real database (`migrate: false` leaves it empty, for code that migrates it itself).
 * Call `drop()` in afterAll.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `deskbot_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const dir = path.resolve(import.meta.dirname, '../../prisma/migrations');
  for (const entry of (await readdir(dir)).sort()) {
    if (!/^\d/.test(entry) || options.migrate === false) continue;
    await client.query(await readFile(path.join(dir, entry, 'migration.sql'), 'utf8'));
  }
  await client.end();
  const prisma = createPrisma(url.toString(), 5);
  return {
    url: url.toString(),
    prisma,
    async drop() {
      await prisma.$disconnect();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
