import pino from 'pino';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startDeskbot, type RunningDeskbot } from '../../src/app/start-deskbot.js';
import { startDirectLine } from '../../src/cli/direct-line-client.js';
import { createAdmin } from '../../src/admin/accounts/admin-accounts.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
let deskbot: RunningDeskbot;
const adminToken = 'admin-token-for-tests-0123456789';
const rateLimitPrefix = `test-app-rate-limit:${Date.now()}:`;

beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  await db.prisma.$disconnect();
  const config = loadConfig({ DATABASE_URL: db.url, REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ESCALATION_QUEUE: `test-app-${Date.now()}`, ADMIN_TOKEN: adminToken, WEB_RATE_LIMIT_PREFIX: rateLimitPrefix });
  deskbot = await startDeskbot(config, pino({ level: 'silent' }));
}, 120_000);
afterAll(async () => {
  await deskbot?.close();
  await db?.drop();
});

test('the composition root migrates, seeds and serves health, readiness, metrics and the chat page', async () => {
  expect((await fetch(`${deskbot.url}/healthz`)).status).toBe(200);
  const ready = await fetch(`${deskbot.url}/readyz`);
  expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok', model: 'ok' } });
  expect(await (await fetch(`${deskbot.url}/`)).text()).toContain('deskbot');
  const session = await startDirectLine(deskbot.url);
  await session.say('outlook not syncing', 'someone');
  const metrics = await (await fetch(`${deskbot.url}/metrics`)).text();
  expect(metrics).toMatch(/deskbot_messages_total\{channel="web",kind="incident"\} 1/);
  expect(metrics).toContain('deskbot_turn_seconds_bucket');
  // On PostgreSQL the Slack journal gets connections of its own (JOURNAL_DB_CONNECTIONS, default 2).
  expect(deskbot.infrastructure.journalPool?.options.max).toBe(2);
  expect((await deskbot.infrastructure.journalPool!.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
});

test('a pasted password is redacted in the Direct Line transcript, the messages and the tickets', async () => {
  const session = await startDirectLine(deskbot.url);
  const replies = await session.say('vpn is down for the whole team, my password is Tr0ub4dor&3 and it still fails', 'someone');
  expect(replies.length).toBeGreaterThan(0);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    for (const [table, column] of [['DirectLineActivity', 'activity'], ['Message', 'text'], ['Ticket', 'description'], ['Conversation', 'state']]) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text LIKE '%Tr0ub4dor%'`);
      expect(rows[0].n, table).toBe(0);
    }
  } finally {
    await client.end();
  }
});

test('a new problem typed while deskbot waits for the impact answer is its own ticket', async () => {
  const session = await startDirectLine(deskbot.url);
  const asked = await session.say('my laptop screen is cracked', 'someone');
  expect(asked.some((a) => JSON.stringify(a).includes('impact:'))).toBe(true);
  const next = await session.say('wifi is down in the whole building, urgent', 'someone');
  const summary = next.map((a) => (a.channelData as { deskbot?: { ticket?: string; intent?: string } } | undefined)?.deskbot).find(Boolean);
  expect(summary?.intent).not.toBe('hardware_fault');
  const tickets = await db.prisma.ticket.findMany({ where: { title: { contains: 'laptop screen' } } });
  expect(tickets.every((t) => !t.description.includes('wifi'))).toBe(true);
});

test('the queue dashboard is there for admins only', async () => {
  expect((await fetch(`${deskbot.url}/admin/queues`)).status).toBe(401);
  const page = await fetch(`${deskbot.url}/admin/queues/api/queues`, { headers: { authorization: `Bearer ${adminToken}` } });
  expect(page.status).toBe(200);
  expect(JSON.stringify(await page.json())).toContain('test-app-');
  // An admin account's own token opens it too (the same one as for /admin), so ADMIN_TOKEN need not be shared.
  const { token } = await createAdmin(db.prisma, { name: 'Ada Admin', email: 'ada-queues@example.com' });
  expect((await fetch(`${deskbot.url}/admin/queues/api/queues`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
});

test('the web chat rate limits count in Redis under WEB_RATE_LIMIT_PREFIX, where every instance sees them', async () => {
  expect((await fetch(`${deskbot.url}/api/web/token`, { method: 'POST' })).status).toBe(200);
  const redis = deskbot.infrastructure.rateLimitRedis!;
  const key = `${rateLimitPrefix}POST/api/web/token-127.0.0.1`;
  expect(Number(await redis.get(key))).toBeGreaterThanOrEqual(1);
  expect(await redis.pttl(key)).toBeGreaterThan(0);
});
