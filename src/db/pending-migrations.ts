import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations/', import.meta.url));

/**
 * Names of the committed migrations the database has not applied yet, read from Prisma's own `_prisma_migrations`
 * table. Starting the Prisma CLI costs seconds, so a start with nothing pending skips it. Any doubt (no table, a
 * failed migration, a query error) reports everything as pending and leaves the decision to `prisma migrate deploy`.
 */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const all = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      'SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"',
    );
    if (rows.some((r) => !r.finished_at && !r.rolled_back_at)) return all;
    const applied = new Set(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name));
    return all.filter((name) => !applied.has(name));
  } catch {
    return all;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The folder the committed migrations live in. */
export const committedMigrationsDir = path.resolve(migrationsDir);
