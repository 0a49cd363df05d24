import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { withDatabase } from '../../src/cli/with-database.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  await db.prisma.$disconnect();
});
afterAll(async () => { await db?.drop(); });

test('KB_SEED_DIR replaces the shipped articles when an empty database is seeded', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'deskbot-kb-'));
  await writeFile(path.join(dir, 'coffee-machine.md'), '---\ntitle: Coffee machine\ntags: [coffee]\n---\n# Coffee machine\n\nDescale it every Friday.\n');
  const config = loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent', KB_SEED_DIR: dir });
  const slugs = await withDatabase(config, async (prisma) => (await prisma.knowledgeArticle.findMany({ select: { slug: true } })).map((a) => a.slug));
  expect(slugs).toEqual(['coffee-machine']);
}, 120_000);
