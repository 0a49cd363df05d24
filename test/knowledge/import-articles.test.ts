import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importArticles } from '../../src/knowledge/import-articles.js';
import { loadArticles } from '../../src/knowledge/load-articles.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'deskbot-kb-import-'));
});

afterAll(async () => {
  await db.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('importArticles and loadArticles', () => {
  it('creates articles, then updates changed ones on re-import without duplicating', async () => {
    await writeFile(path.join(dir, 'connect-to-the-vpn.md'), '---\ntitle: Connect to the VPN\nintents: [vpn_remote_access]\n---\nOpen the client.\n');
    await writeFile(path.join(dir, 'reset-your-password.md'), '# Reset your password\n\nUse the portal.\n');
    expect(await importArticles(db.prisma, dir)).toEqual({ created: 2, updated: 0 });

    await writeFile(path.join(dir, 'reset-your-password.md'), '# Reset your password\n\nUse the new portal.\n');
    expect(await importArticles(db.prisma, dir)).toEqual({ created: 0, updated: 1 });
    expect(await db.prisma.knowledgeArticle.count()).toBe(2);

    const loaded = await loadArticles(db.prisma);
    expect(loaded.map((a) => a.slug)).toEqual(['connect-to-the-vpn', 'reset-your-password']);
    expect(loaded[0]).toMatchObject({ title: 'Connect to the VPN', intents: ['vpn_remote_access'], tags: [] });
    expect(loaded[1]!.body).toBe('Use the new portal.');
    expect(loaded[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('strips NUL characters, which PostgreSQL text cannot hold, instead of failing the whole import', async () => {
    const nulDir = await mkdtemp(path.join(tmpdir(), 'deskbot-kb-nul-'));
    try {
      await writeFile(path.join(nulDir, 'nul-inside.md'), '# Nul\u0000 inside\n\nBody\u0000 text.\n');
      expect(await importArticles(db.prisma, nulDir)).toEqual({ created: 1, updated: 0 });
      expect(await importArticles(db.prisma, nulDir)).toEqual({ created: 0, updated: 0 });
      expect(await db.prisma.knowledgeArticle.findUnique({ where: { slug: 'nul-inside' } })).toMatchObject({ title: 'Nul inside', body: 'Body text.' });
    } finally {
      await rm(nulDir, { recursive: true, force: true });
    }
  });

  it('imports the shipped seed articles', async () => {
    const seed = path.resolve(import.meta.dirname, '../../prisma/seed/articles');
    const result = await importArticles(db.prisma, seed);
    expect(result.created + result.updated).toBeGreaterThanOrEqual(29);
    const slugs = (await loadArticles(db.prisma)).map((a) => a.slug);
    expect(slugs).toContain('vpn-keeps-disconnecting');
    expect(new Set(slugs).size).toBe(slugs.length);
  });
});
