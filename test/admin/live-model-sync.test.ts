import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createServiceHolder, type ServiceHolder } from '../../src/app/service-holder.js';
import { storeIntents } from '../../src/intents/store-intents.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { activateVersion, ensureLiveVersion, publishDraft, watchLiveModel } from '../../src/model-versions/index.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { smallCatalogue } from './small-catalogue.js';

let db: TestDatabase;
const stops: Array<() => Promise<void>> = [];
beforeAll(async () => {
  db = await createTestDatabase();
  const { intents, outOfScopeExamples } = smallCatalogue();
  await storeIntents(db.prisma, intents, outOfScopeExamples);
});
afterAll(async () => {
  for (const stop of stops) await stop();
  await db?.drop();
});

/** An app instance's holder, kept in sync by LISTEN/NOTIFY (`listen`) or by the poll alone. */
async function instance(listen: boolean): Promise<ServiceHolder> {
  const holder = await createServiceHolder(db.prisma, { thresholds: { act: 0.6, confirm: 0.3 }, metrics: createMetrics() });
  const watch = watchLiveModel({ sync: holder.sync, databaseUrl: listen ? db.url : undefined, pollMs: listen ? 60_000 : 200, logger: pino({ level: 'silent' }) });
  stops.push(watch.stop);
  return holder;
}

const intentOf = (holder: ServiceHolder, text: string) => holder.current().catalog.understander.understand(text).intent;

test('two instances switch to a published version and back, by NOTIFY and by poll, without a restart', async () => {
  const first = await ensureLiveVersion(db.prisma);
  expect(first?.number).toBe(1);
  expect(await ensureLiveVersion(db.prisma)).toBeNull();
  const [a, b] = await Promise.all([instance(true), instance(false)]);
  expect(a.liveVersion()).toEqual(first);
  expect(b.liveVersion()).toEqual(first);
  expect(a.current().catalog.get('badge_fault')).toBeUndefined();

  // Edits to the draft are not live until published.
  await storeIntents(db.prisma, [{
    name: 'badge_fault', kind: 'incident', description: 'Door badge not working', defaultImpact: 3, defaultUrgency: 2, askImpact: false, assignmentGroup: 'Facilities',
    examples: ['my door badge does not open the door', 'badge reader rejects my card', 'the badge reader at the entrance is broken', 'my access card stopped working at the door', 'door badge not working', 'building badge not accepted'],
  }]);
  expect(await a.sync()).toBe(false);
  expect(a.current().catalog.get('badge_fault')).toBeUndefined();

  const published = await publishDraft(db.prisma, { by: 'alice@example.com', note: 'badge intent' });
  expect(published).toMatchObject({ published: true, version: { number: 2 } });
  const before = b.current();
  await expect.poll(() => a.liveVersion()?.number, { timeout: 20_000 }).toBe(2);
  await expect.poll(() => b.liveVersion()?.number, { timeout: 20_000 }).toBe(2);
  for (const holder of [a, b]) {
    expect(holder.current().catalog.get('badge_fault')).toMatchObject({ assignmentGroup: 'Facilities', askImpact: false });
    expect(intentOf(holder, 'the badge reader will not let me in')).toBe('badge_fault');
  }
  // The swap replaced the whole services object: a turn that took the old one keeps a consistent set.
  expect(before.catalog.get('badge_fault')).toBeUndefined();

  expect(await publishDraft(db.prisma, { by: 'alice@example.com' })).toMatchObject({ published: false, reason: 'no_changes' });

  await activateVersion(db.prisma, { id: first!.id }, 'alice@example.com');
  await expect.poll(() => a.liveVersion()?.number, { timeout: 20_000 }).toBe(1);
  await expect.poll(() => b.liveVersion()?.number, { timeout: 20_000 }).toBe(1);
  for (const holder of [a, b]) expect(holder.current().catalog.get('badge_fault')).toBeUndefined();
}, 120_000);

test('an article edit reaches the knowledge index of every instance', async () => {
  const a = await instance(true);
  expect(a.current().knowledge.search('badge reader troubleshooting')).toEqual([]);
  await db.prisma.knowledgeArticle.create({ data: { slug: 'badge-reader', title: 'Badge reader troubleshooting', body: 'Hold the badge flat against the reader for two seconds.', tags: ['badge'] } });
  await db.prisma.$executeRaw`SELECT pg_notify('deskbot_model', 'articles')`;
  await expect.poll(() => a.current().knowledge.search('badge reader troubleshooting').map((h) => h.slug), { timeout: 20_000 }).toEqual(['badge-reader']);
}, 60_000);

test('instances starting together on a database with nothing published create one first version between them', async () => {
  const fresh = await createTestDatabase();
  try {
    const { intents, outOfScopeExamples } = smallCatalogue();
    await storeIntents(fresh.prisma, intents, outOfScopeExamples);
    const results = await Promise.all([ensureLiveVersion(fresh.prisma), ensureLiveVersion(fresh.prisma), ensureLiveVersion(fresh.prisma)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await fresh.prisma.modelVersion.count()).toBe(1);
    expect((await fresh.prisma.liveModel.findUniqueOrThrow({ where: { id: 1 } })).versionId).toBe(results.find(Boolean)!.id);
  } finally {
    await fresh.drop();
  }
});
