import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';

// The pg driver adapter that `prisma migrate deploy` runs through splits a migration script at every ';'
// (adapter-pg executeScript), so a ';' inside a comment or a dollar-quoted function body breaks the deploy.
test('migration scripts survive the driver adapter splitting them at semicolons', async () => {
  const dir = path.resolve(import.meta.dirname, '../../prisma/migrations');
  const scripts = (await readdir(dir)).filter((e) => /^\d/.test(e));
  expect(scripts.length).toBeGreaterThan(0);
  for (const name of scripts) {
    const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
    const commentsWithSemicolons = sql.split('\n').filter((line) => /--.*;/.test(line));
    expect(commentsWithSemicolons, name).toEqual([]);
    expect(sql.includes('$$'), `${name} uses a dollar-quoted body`).toBe(false);
  }
});
