import { Writable } from 'node:stream';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SlackChannel } from '../../adapters/slack/index.js';
import { startInfrastructure, type Infrastructure } from '../../src/app/infrastructure.js';
import { registerSlack } from '../../src/app/register-chat-channels.js';
import { loadConfig } from '../../src/config/config.js';
import { pendingMigrations } from '../../src/db/pending-migrations.js';
import type { InboundMessage, TurnResult } from '../../src/core/index.js';
import { createHttpServer } from '../../src/http/create-http-server.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createFakeTurnHandler } from '../support/fake-turn-handler.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { slackSignatureHeaders } from './support/sign.js';
import { startSlackApiStub, type SlackApiStub } from './support/slack-api-stub.js';
import { botToken, eventCallback, signingSecret, testBot } from './support/slack-harness.js';

// The journal's other write path: with JOURNAL_DB_CONNECTIONS=0 (as on the embedded database, which has one
// connection) there is no pool of its own, and each record and settle is one Prisma statement. Wired as deskbot wires
// it (startInfrastructure, then registerSlack), on real PostgreSQL; every read below is on a connection of its own.

let db: TestDatabase;
let api: SlackApiStub;
/** Two deskbot instances on the one database, as behind a load balancer. */
const instances: Instance[] = [];
/** Warnings and errors the Slack channels logged. */
const logged: Array<{ msg: string }> = [];
/** Turns that wait for the test, by text; and every turn started, in order. */
const heldTurns = new Map<string, Promise<void>>();
const started: string[] = [];
// One fake pipeline for both instances: it dedupes by event id, as the real one does in the shared database.
const fake = createFakeTurnHandler();

interface Instance { infra: Infrastructure; slack: SlackChannel; url: string; close(): Promise<void> }

async function startInstance(): Promise<Instance> {
  const config = loadConfig({
    DATABASE_URL: db.url, JOURNAL_DB_CONNECTIONS: '0', LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: api.apiUrl, SLACK_REPLAY_AFTER_SECONDS: '3600',
  });
  const logger = pino({ level: 'warn' }, new Writable({ write(line, _enc, done) { logged.push(JSON.parse(String(line))); done(); } }));
  const infra = await startInfrastructure(config, logger, { redis: false });
  const turns = {
    async handle(m: InboundMessage): Promise<TurnResult> {
      started.push(m.text);
      await heldTurns.get(m.text);
      return fake.handle(m);
    },
  };
  const app = createHttpServer({ logger: pino({ level: 'silent' }), metrics: createMetrics() });
  const slack = (await registerSlack(app, config, { turns, prisma: infra.prisma, journalPool: infra.journalPool, logger }))!;
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  await slack.start();
  return {
    infra, slack, url,
    async close() {
      await app.close();
      await slack.stop(5000);
      await infra.close();
    },
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.$disconnect();
  // The test database has every migration already: recorded as Prisma would, start-up skips the CLI's seconds.
  await onOwnConnection(async (c) => {
    await c.query(`CREATE TABLE "_prisma_migrations" (id text, checksum text, finished_at timestamptz, migration_name text, logs text, rolled_back_at timestamptz, started_at timestamptz, applied_steps_count int)`);
    await c.query(`INSERT INTO "_prisma_migrations" (id, migration_name, finished_at) SELECT gen_random_uuid()::text, unnest($1::text[]), now()`, [await pendingMigrations(db.url)]);
  });
  api = await startSlackApiStub(testBot);
  instances.push(await startInstance());
  instances.push(await startInstance());
}, 120_000);
afterAll(async () => {
  for (const instance of instances) await instance.close();
  await api?.close();
  await db?.drop();
});

const [a, b] = [() => instances[0]!, () => instances[1]!];
const idle = () => Promise.all(instances.map((i) => i.slack.idle()));

function post(to: Instance, body: string, headers: Record<string, string> = {}): Promise<number> {
  return fetch(`${to.url}/slack/events`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...slackSignatureHeaders(signingSecret, body), ...headers } })
    .then(async (res) => { await res.text(); return res.status; });
}

const dm = (text: string, eventId: string, n: number) =>
  eventCallback({ type: 'message', channel: `D0PRSM00${n}`, channel_type: 'im', user: `U0PRSM00${n}`, text, ts: `1767700000.00010${n}` }, eventId);

function gate(): { wait: Promise<void>; open(): void } {
  let open: () => void = () => undefined;
  const wait = new Promise<void>((resolve) => { open = resolve; });
  return { wait, open };
}

/** Run `fn` on a PostgreSQL connection of its own (not Prisma's): it sees only what is committed. */
async function onOwnConnection<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const journalRows = (eventId: string) => onOwnConnection(async (c) =>
  (await c.query<{ body: { event_id: string; event: { text: string } } }>(`SELECT body FROM "InboundJournal" WHERE channel = 'slack' AND "eventId" = $1`, [eventId])).rows);

test('JOURNAL_DB_CONNECTIONS=0 leaves the journal no pool of its own: it writes through Prisma', () => {
  for (const instance of instances) expect(instance.infra.journalPool).toBeNull();
});

test('an event is acknowledged only once its journal row is committed, and settled after its turn', async () => {
  const turn = gate();
  heldTurns.set('journaled through prisma', turn.wait);
  // Another session holds the table against writes (reads still go): the insert, and so the ack, must wait for it.
  const locker = new pg.Client({ connectionString: db.url });
  await locker.connect();
  await locker.query('BEGIN');
  await locker.query('LOCK TABLE "InboundJournal" IN SHARE MODE');
  let acked: number | null = null;
  const ack = post(a(), dm('journaled through prisma', 'Ev0PRSM1', 1)).then((status) => (acked = status));
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(acked).toBeNull();
  expect(started).not.toContain('journaled through prisma');
  await locker.query('COMMIT');
  await locker.end();
  expect(await ack).toBe(200);
  // Read at once, on another connection, while the turn is held: the row is committed, not merely sent.
  expect(await journalRows('Ev0PRSM1')).toEqual([{ body: expect.objectContaining({ event_id: 'Ev0PRSM1', event: expect.objectContaining({ text: 'journaled through prisma' }) }) }]);
  turn.open();
  await idle();
  expect(await journalRows('Ev0PRSM1')).toEqual([]);
  expect(api.of('chat.postMessage').filter((c) => c.body.channel === 'D0PRSM001')).toHaveLength(1);
});

test('a redelivery of the same event to another instance is journaled once, answered once, and the row settled', async () => {
  // Each instance drops a redelivery it has seen itself (fastify-receiver.ts); one that reaches another instance, while
  // the first still works on the event, is what meets the journal's key.
  const turn = gate();
  heldTurns.set('delivered twice', turn.wait);
  const body = dm('delivered twice', 'Ev0PRSM2', 2);
  expect(await post(a(), body)).toBe(200);
  expect(await post(b(), body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).toBe(200);
  const rows = await journalRows('Ev0PRSM2');
  expect(rows).toEqual([{ body: expect.objectContaining({ event_id: 'Ev0PRSM2' }) }]);
  // The second record was a quiet no-op (ON CONFLICT DO NOTHING), not a failed write the delivery went on without.
  expect(logged.map((l) => l.msg)).toEqual([]);
  turn.open();
  await idle();
  expect(started.filter((t) => t === 'delivered twice')).toHaveLength(2);
  expect(api.of('chat.postMessage').filter((c) => c.body.channel === 'D0PRSM002')).toHaveLength(1);
  expect(await journalRows('Ev0PRSM2')).toEqual([]);
});
