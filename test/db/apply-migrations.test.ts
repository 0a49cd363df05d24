import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import pg from 'pg';
import pino from 'pino';
import { applyMigrations } from '../../src/db/apply-migrations.js';
import { createPrisma } from '../../src/db/client.js';
import { pingDatabase } from '../../src/db/ping.js';
import { adminUrl } from '../support/db.js';
import { freePort } from '../../src/redis/free-port.js';

const logger = pino({ level: 'silent' });
const name = `deskbot_migrate_${randomBytes(5).toString('hex')}`;
const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
beforeAll(async () => { await admin(`CREATE DATABASE ${name}`); });
afterAll(async () => { await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); });

test('applies every migration to a new PostgreSQL database, and a second run changes nothing', async () => {
  await applyMigrations(url, logger);
  await applyMigrations(url, logger);
  const prisma = createPrisma(url, 1);
  try {
    const rows = await prisma.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
    expect(rows.map((r) => r.migration_name)).toContain('20261129000000_init');
    expect(new Set(rows.map((r) => r.migration_name)).size).toBe(rows.length);
    const [seq] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT nextval('ticket_number_service_request_seq') AS n`;
    expect(Number(seq!.n)).toBe(1001);
  } finally {
    await prisma.$disconnect();
  }
}, 120_000);

test('a failure throws a DeskbotError carrying the CLI output, password hidden', async () => {
  const port = await freePort();
  const err = await applyMigrations(`postgresql://someone:Sup3rSecret@127.0.0.1:${port}/nowhere`, logger).catch((e: unknown) => e);
  expect(err).toMatchObject({ name: 'DeskbotError', code: 'internal' });
  const message = (err as Error).message;
  expect(message).toMatch(/prisma migrate deploy failed \(exit \d+\)/);
  expect(message.split('\n').length).toBeGreaterThan(1);
  expect(message).not.toContain('Sup3rSecret');
}, 120_000);

test('pingDatabase is true on a live database and false on a dead one', async () => {
  const live = createPrisma(url, 1);
  const dead = createPrisma(`postgresql://postgres@127.0.0.1:${await freePort()}/x`, 1);
  try {
    expect(await pingDatabase(live)).toBe(true);
    expect(await pingDatabase(dead, 1000)).toBe(false);
  } finally {
    await live.$disconnect();
    await dead.$disconnect();
  }
});
