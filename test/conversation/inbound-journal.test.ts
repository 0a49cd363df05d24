import { afterAll, beforeAll, expect, test } from 'vitest';
import { createInboundJournal } from '../../src/conversation/inbound-journal.js';
import type { InboundJournal } from '../../src/core/index.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
let journal: InboundJournal;

beforeAll(async () => {
  db = await createTestDatabase();
  journal = createInboundJournal(db.prisma);
}, 60_000);
afterAll(async () => { await db?.drop(); });

const ago = (ms: number) => new Date(Date.now() - ms);
const claim = (limit = 10, maxAttempts = 5) => journal.claimStale('slack', { olderThanMs: 60_000, holdMs: 60_000, maxAttempts, limit });

test('record keeps the first body of an event id, redacted; settle removes it', async () => {
  await journal.record('slack', 'EvR1', { event: { text: 'my password is Tr0ub4dor&3xyz!', token: 'abc' } });
  await journal.record('slack', 'EvR1', { event: { text: 'a second delivery' } });
  const row = await db.prisma.inboundJournal.findUniqueOrThrow({ where: { channel_eventId: { channel: 'slack', eventId: 'EvR1' } } });
  expect(JSON.stringify(row.body)).not.toContain('Tr0ub4dor');
  expect(JSON.stringify(row.body)).not.toContain('a second delivery');
  await journal.settle('slack', 'EvR1');
  expect(await db.prisma.inboundJournal.count({ where: { eventId: 'EvR1' } })).toBe(0);
});

test('two instances claiming at once take different rows; a held row, a young row and another channel are left', async () => {
  await db.prisma.inboundJournal.createMany({
    data: [
      { channel: 'slack', eventId: 'EvC1', body: { n: 1 }, receivedAt: ago(10 * 60_000) },
      { channel: 'slack', eventId: 'EvC2', body: { n: 2 }, receivedAt: ago(9 * 60_000) },
      { channel: 'slack', eventId: 'EvYoung', body: { n: 3 }, receivedAt: ago(1000) },
      { channel: 'teams', eventId: 'EvTeams', body: { n: 4 }, receivedAt: ago(10 * 60_000) },
    ],
  });
  // Instance A's claim is still in its transaction (row locked, not committed) when instance B claims.
  const [a, b] = await db.prisma.$transaction(async (tx) => {
    const first = await createInboundJournal(tx).claimStale('slack', { olderThanMs: 60_000, holdMs: 60_000, maxAttempts: 5, limit: 1 });
    return [first, await claim(1)];
  });
  expect([...a, ...b].map((e) => e.eventId)).toEqual(['EvC1', 'EvC2']);
  expect(a[0]!.attempts).toBe(1);
  expect(await claim()).toEqual([]);

  // Once the hold has passed (the replaying instance died too), the row is taken again, counting attempts.
  await db.prisma.inboundJournal.update({ where: { channel_eventId: { channel: 'slack', eventId: 'EvC1' } }, data: { claimedUntil: ago(1) } });
  expect(await claim()).toEqual([{ eventId: 'EvC1', body: { n: 1 }, attempts: 2 }]);
  await db.prisma.inboundJournal.update({ where: { channel_eventId: { channel: 'slack', eventId: 'EvC1' } }, data: { claimedUntil: ago(1) } });
  expect(await claim(10, 2)).toEqual([]);
});
