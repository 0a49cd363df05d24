import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import pino from 'pino';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { applyMigrations } from '../../src/db/apply-migrations.js';
import { createPrisma } from '../../src/db/client.js';
import { pingDatabase } from '../../src/db/ping.js';
import { openTicket } from '../../src/tickets/open-ticket.js';

const logger = pino({ level: 'silent' });
let dataDir: string;
beforeAll(async () => { dataDir = await mkdtemp(path.join(tmpdir(), 'deskbot-pg-')); });
afterAll(async () => { await rm(dataDir, { recursive: true, force: true }); });

test('start → migrate → query → stop → restart keeps the data', async () => {
  const first = await startEmbeddedPostgres(dataDir, logger);
  let number: string;
  try {
    expect(first.url).toMatch(/^postgresql:\/\/postgres:postgres@127\.0\.0\.1:\d+\/postgres$/);
    await applyMigrations(first.url, logger);
    const prisma = createPrisma(first.url, 1);
    try {
      expect(await pingDatabase(prisma)).toBe(true);
      const employee = await prisma.employee.create({ data: { email: 'pglite@example.com' } });
      const opened = await prisma.$transaction((tx) =>
        openTicket(tx, { kind: 'incident', intent: null, title: 'Embedded', description: 'x', impact: 1, urgency: 1, requesterId: employee.id, sourceEventKey: 'e1' }),
      );
      expect(opened.ticket.number).toBe('INC0001001');
      number = opened.ticket.number;
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await first.stop();
  }
  await expect(readFile(path.join(dataDir, 'pg.lock'))).rejects.toThrow(/ENOENT/);

  const second = await startEmbeddedPostgres(dataDir, logger);
  try {
    await applyMigrations(second.url, logger); // nothing pending: must succeed without changes
    const prisma = createPrisma(second.url, 1);
    try {
      const ticket = await prisma.ticket.findUnique({ where: { number } });
      expect(ticket).toMatchObject({ title: 'Embedded', priority: 1, sourceEventKey: 'e1' });
      const next = await openTicket(prisma, { kind: 'incident', intent: null, title: 'Again', description: 'y', impact: 3, urgency: 3, requesterId: ticket!.requesterId });
      expect(next.ticket.number).toBe('INC0001002');
      const migrations = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
      expect(Number(migrations[0]!.n)).toBeGreaterThanOrEqual(1);
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await second.stop();
  }
}, 180_000);

test('a second start on the same data directory is refused while the first runs, also from another process', async () => {
  const running = await startEmbeddedPostgres(dataDir, logger);
  try {
    await expect(startEmbeddedPostgres(dataDir, logger)).rejects.toMatchObject({ code: 'config_invalid', message: expect.stringMatching(/in use by another deskbot process \(pid \d+/) });
    const other = await runOtherProcess(dataDir);
    expect(other.code).not.toBe(0);
    expect(other.output).toContain('config_invalid');
    expect(other.output).toContain(`pid ${process.pid}`);
  } finally {
    await running.stop();
  }
}, 120_000);

test('a lock held by a running process blocks; a stale lock is taken over', async () => {
  const holder = spawn('sleep', ['60']);
  try {
    await writeFile(path.join(dataDir, 'pg.lock'), `${holder.pid}\n`);
    await expect(startEmbeddedPostgres(dataDir, logger)).rejects.toThrow(`pid ${holder.pid}`);
  } finally {
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
  }
  const pg = await startEmbeddedPostgres(dataDir, logger);
  try {
    expect((await readFile(path.join(dataDir, 'pg.lock'), 'utf8')).trim()).toBe(String(process.pid));
  } finally {
    await pg.stop();
  }
}, 120_000);

// Runs startEmbeddedPostgres in a separate Node process on the same data directory.
function runOtherProcess(dir: string): Promise<{ code: number | null; output: string }> {
  const script = `
    import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve('src/db/embedded-postgres.ts'))};
    import pino from 'pino';
    try { await startEmbeddedPostgres(${JSON.stringify(dir)}, pino({ level: 'silent' })); process.exit(0); }
    catch (err) { console.error(err.code + ': ' + err.message); process.exit(3); }`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: path.resolve('.') });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}
