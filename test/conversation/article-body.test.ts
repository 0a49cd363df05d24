import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { articleBodies, articleBody } from '../../src/conversation/article-body.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.knowledgeArticle.createMany({
    data: [
      { slug: 'vpn', title: 'VPN', body: '# VPN\n\nReconnect the client.' },
      { slug: 'printer', title: 'Printer', body: 'Open tray 2.' },
      { slug: 'heading-only', title: 'Empty', body: '# Empty\n\n' },
    ],
  });
});
afterAll(async () => { await db?.drop(); });

const card = (slug: string) => ({ id: slug, slug, title: slug, snippet: '' });

test('articleBodies reads every body in one go, in the order offered, without heading, leaving out gone and empty ones', async () => {
  const bodies = await articleBodies(db.prisma, [card('printer'), card('gone'), card('heading-only'), card('vpn')]);
  expect([...bodies]).toEqual([['printer', 'Open tray 2.'], ['vpn', 'Reconnect the client.']]);
  for (const slug of ['printer', 'vpn', 'heading-only', 'gone']) {
    expect(bodies.get(slug) ?? null).toBe((await articleBody(db.prisma, slug)) || null);
  }
  expect(await articleBodies(db.prisma, [])).toEqual(new Map());
});
