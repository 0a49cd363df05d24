import { afterAll, beforeAll, expect, test } from 'vitest';
import { listUnprocessed } from '../../src/admin/inbox/unprocessed-messages.js';
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

  // A replay that is over releases its hold at once: the row is free again (and another claim takes it).
  expect(await claim(1)).toEqual([expect.objectContaining({ eventId: 'EvC1', attempts: 3 })]);
  expect(await claim()).toEqual([]);
  await journal.release('slack', 'EvC1');
  expect(await db.prisma.inboundJournal.findUniqueOrThrow({ where: { channel_eventId: { channel: 'slack', eventId: 'EvC1' } } })).toMatchObject({ claimedUntil: null });
  expect(await claim()).toEqual([expect.objectContaining({ eventId: 'EvC1', attempts: 4 })]);
});

test('rows replayed the maximum times and no longer held move to the unprocessed messages, once; the others stay', async () => {
  const row = (eventId: string, attempts: number, claimedUntil: Date | null) => ({
    channel: 'slack' as const, eventId, attempts, claimedUntil, receivedAt: ago(30 * 60_000),
    body: { team_id: 'T1', event: { channel: 'D1', user: 'U1', text: `${eventId}: my password is Tr0ub4dor&3xyz!` } },
  });
  await db.prisma.inboundJournal.createMany({
    data: [row('EvX1', 5, ago(1)), row('EvX2', 6, null), row('EvBelow', 4, ago(1)), row('EvHeld', 5, new Date(Date.now() + 60_000)),
      { ...row('EvTeamsX', 5, null), channel: 'teams' }],
  });
  const summarize = (body: Record<string, unknown>) => {
    const event = body.event as { channel: string; user: string; text: string };
    return { conversationExternalId: `${String(body.team_id)}:${event.channel}`, senderExternalId: event.user, text: event.text };
  };
  const retire = () => journal.retireExhausted('slack', { maxAttempts: 5, reason: 'replayed 5 times without success', summarize });

  expect((await retire()).sort()).toEqual(['EvX1', 'EvX2']);
  const listed = await listUnprocessed(db.prisma, 30);
  expect(listed.filter((m) => m.eventId === 'EvX1')).toEqual([expect.objectContaining({
    channel: 'slack', conversationExternalId: 'T1:D1', senderExternalId: 'U1', error: 'replayed 5 times without success',
  })]);
  expect(listed.map((m) => m.eventId).sort()).toEqual(['EvX1', 'EvX2']);
  expect(listed.every((m) => m.text.startsWith(m.eventId) && !m.text.includes('Tr0ub4dor'))).toBe(true);
  const kept = await db.prisma.inboundJournal.findMany({ where: { eventId: { in: ['EvX1', 'EvX2', 'EvBelow', 'EvHeld', 'EvTeamsX'] } }, orderBy: { eventId: 'asc' } });
  expect(kept.map((r) => r.eventId)).toEqual(['EvBelow', 'EvHeld', 'EvTeamsX']);

  // The same event exhausted again (journaled anew): its row goes, no second unprocessed row.
  await db.prisma.inboundJournal.create({ data: row('EvX1', 5, null) });
  expect(await retire()).toEqual([]);
  expect(await db.prisma.unprocessedMessage.count({ where: { eventId: 'EvX1' } })).toBe(1);
  expect(await db.prisma.inboundJournal.count({ where: { eventId: 'EvX1' } })).toBe(0);
});
