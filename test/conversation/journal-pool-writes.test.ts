import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createInboundJournal } from '../../src/conversation/inbound-journal.js';
import { createJournalPoolWrites, type JournalWrites } from '../../src/conversation/journal-pool-writes.js';
import type { ChannelName } from '../../src/core/index.js';
import { createJournalPool } from '../../src/db/journal-pool.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
let pool: pg.Pool;
let writes: JournalWrites;

beforeAll(async () => {
  db = await createTestDatabase();
  pool = createJournalPool(db.url, 2, pino({ level: 'silent' }));
  writes = createJournalPoolWrites(pool, 2);
}, 60_000);
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

const rows = (prefix: string) => db.prisma.inboundJournal.findMany({ where: { eventId: { startsWith: prefix } }, orderBy: { eventId: 'asc' } });

test('records of one burst are one statement; each is committed (seen on another connection) when its call resolves', async () => {
  const statements: string[] = [];
  const spy = pool.query.bind(pool);
  const counting = Object.assign(Object.create(pool) as pg.Pool, {
    query: (config: pg.QueryConfig) => { statements.push(config.text); return spy(config); },
  });
  const batched = createJournalPoolWrites(counting, 1);
  await Promise.all(Array.from({ length: 20 }, (_, i) => batched.record('slack', `EvB${String(i).padStart(2, '0')}`, JSON.stringify({ n: i }))));
  expect(statements).toHaveLength(1);
  const stored = await rows('EvB');
  expect(stored).toHaveLength(20);
  expect(stored[7]).toMatchObject({ channel: 'slack', eventId: 'EvB07', body: { n: 7 }, attempts: 0, claimedUntil: null });
});

test('a key already journaled, or twice in one batch, keeps its first body; settle deletes a batch of keys', async () => {
  await writes.record('slack', 'EvD1', JSON.stringify({ first: true }));
  await Promise.all([
    writes.record('slack', 'EvD1', JSON.stringify({ first: false })),
    writes.record('slack', 'EvD2', JSON.stringify({ n: 1 })),
    writes.record('slack', 'EvD2', JSON.stringify({ n: 2 })),
    writes.record('teams', 'EvD2', JSON.stringify({ other: 'channel' })),
  ]);
  const stored = await rows('EvD');
  expect(stored.map((r) => [r.channel, r.eventId])).toEqual([['slack', 'EvD1'], ['slack', 'EvD2'], ['teams', 'EvD2']]);
  expect(stored[0]!.body).toEqual({ first: true });
  expect(stored[1]!.body).toEqual({ n: 1 });

  await Promise.all([writes.settle('slack', 'EvD1'), writes.settle('slack', 'EvD2'), writes.settle('slack', 'EvNone')]);
  expect((await rows('EvD')).map((r) => r.channel)).toEqual(['teams']);
});

test('a failing batch rejects every caller in it, and writes nothing of it; the next batch goes through', async () => {
  const results = await Promise.allSettled([
    writes.record('slack', 'EvF1', JSON.stringify({ ok: true })),
    writes.record('not-a-channel' as ChannelName, 'EvF2', JSON.stringify({ ok: false })),
  ]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  expect((results[0] as PromiseRejectedResult).reason).toBe((results[1] as PromiseRejectedResult).reason);
  expect(await rows('EvF')).toEqual([]);
  await writes.record('slack', 'EvF1', JSON.stringify({ ok: true }));
  expect(await rows('EvF')).toHaveLength(1);
});

test('the journal records through the pool redacted, and settles through it', async () => {
  const journal = createInboundJournal(db.prisma, writes);
  await journal.record('slack', 'EvJ1', { event: { text: 'my password is Tr0ub4dor&3xyz!' } });
  const [row] = await rows('EvJ1');
  expect(JSON.stringify(row!.body)).not.toContain('Tr0ub4dor');
  await journal.settle('slack', 'EvJ1');
  expect(await rows('EvJ1')).toEqual([]);
});
