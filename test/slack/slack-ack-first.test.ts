import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createInboundJournal } from '../../src/conversation/inbound-journal.js';
import { createJournalPoolWrites } from '../../src/conversation/journal-pool-writes.js';
import type { InboundJournal, InboundMessage, TurnResult } from '../../src/core/index.js';
import { createJournalPool } from '../../src/db/journal-pool.js';
import { createFakeTurnHandler } from '../support/fake-turn-handler.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { journalRow } from './support/journal-kit.js';
import { eventCallback, startSlackHarness, type SlackHarness } from './support/slack-harness.js';

// A burst of Slack events is acknowledged before its turns run: a turn waits while another delivery still waits for
// its journal row and its ack. The journal writes go through a pool of their own (as deskbot wires them on PostgreSQL).

let db: TestDatabase;
let pool: pg.Pool;
let h: SlackHarness;
const log: string[] = [];
/** Deliveries whose journal insert waits for the test, by event id. */
const slowRecords = new Map<string, Promise<void>>();
/** Turns that wait for the test, by text. */
const heldTurns = new Map<string, Promise<void>>();
const fake = createFakeTurnHandler();

beforeAll(async () => {
  db = await createTestDatabase();
  pool = createJournalPool(db.url, 2, pino({ level: 'silent' }));
  // A slow database: each journal statement starts 100 ms late, so an ack that did not wait for its row would be seen.
  const slowPool = Object.assign(Object.create(pool) as pg.Pool, {
    query: async (config: pg.QueryConfig) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return pool.query(config);
    },
  });
  const journal = createInboundJournal(db.prisma, createJournalPoolWrites(slowPool, 2));
  const store: InboundJournal = {
    ...journal,
    async record(channel, eventId, body) {
      await slowRecords.get(eventId);
      await journal.record(channel, eventId, body);
      log.push(`recorded ${eventId}`);
    },
  };
  h = await startSlackHarness({
    turns: {
      async handle(m: InboundMessage): Promise<TurnResult> {
        log.push(`turn ${m.text}`);
        await heldTurns.get(m.text);
        return fake.handle(m);
      },
    },
    journal: { store, replay: { afterMs: 60_000, everyMs: 3_600_000 } },
  });
}, 60_000);
afterAll(async () => {
  await h?.close();
  await pool?.end();
  await db?.drop();
});

const dm = (text: string, eventId: string, n: number) =>
  eventCallback({ type: 'message', channel: `D0ACKF00${n}`, channel_type: 'im', user: `U0ACKF00${n}`, text, ts: `1767600000.00010${n}` }, eventId);

function gate(): { wait: Promise<void>; open(): void } {
  let open: () => void = () => undefined;
  const wait = new Promise<void>((resolve) => { open = resolve; });
  return { wait, open };
}

test('an acknowledged event\'s turn waits until the other deliveries of the burst are journaled and acknowledged', async () => {
  const slow = gate();
  slowRecords.set('Ev0ACKF2', slow.wait);
  const first = h.post(dm('first of the burst', 'Ev0ACKF1', 1));
  const second = h.post(dm('second of the burst', 'Ev0ACKF2', 2));
  expect((await first).status).toBe(200);
  // The first is acknowledged, the second is still being journaled: no turn may start meanwhile.
  await new Promise((resolve) => setTimeout(resolve, 300));
  log.push('second journal write released');
  slow.open();
  expect((await second).status).toBe(200);
  await h.slack.idle();
  expect(log.filter((l) => !l.startsWith('recorded Ev0ACKF1'))).toEqual([
    'second journal write released', 'recorded Ev0ACKF2', 'turn first of the burst', 'turn second of the burst',
  ]);
  expect(h.api.of('chat.postMessage')).toHaveLength(2);
});

test('through the journal\'s own pool an event is durable by the time it is acknowledged, and settled after its turn', async () => {
  const turn = gate();
  heldTurns.set('journaled through the pool', turn.wait);
  expect((await h.post(dm('journaled through the pool', 'Ev0ACKF3', 3))).status).toBe(200);
  // Read on a Prisma connection, not the pool's: the row is committed.
  expect((await journalRow(db.prisma, 'Ev0ACKF3'))?.body).toMatchObject({ event_id: 'Ev0ACKF3', event: { text: 'journaled through the pool' } });
  turn.open();
  await h.slack.idle();
  expect(await journalRow(db.prisma, 'Ev0ACKF3')).toBeNull();
});
