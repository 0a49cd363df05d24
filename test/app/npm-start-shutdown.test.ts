import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PGlite } from '@electric-sql/pglite';

// A process manager (Docker's PID 1, systemd with KillMode=mixed, an IDE's stop button) signals `npm start`'s own pid
// only. The bot must still shut the embedded database down cleanly: PostgreSQL logs sequences 32 values ahead, so a
// crash-stop makes version and ticket numbers jump by ~32 at the next start.
let dataDir: string;
beforeAll(async () => { dataDir = await mkdtemp(path.join(tmpdir(), 'deskbot-start-')); });
afterAll(async () => { await rm(dataDir, { recursive: true, force: true }); });

/** Run `npm start` on the embedded databases until it listens, SIGTERM npm's pid alone, resolve with the output. */
async function startAndStop(): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child: ChildProcess = spawn('npm', ['start'], { cwd: path.resolve(import.meta.dirname, '../..'), env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const waitFor = (text: string, ms: number) => new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${ms} ms:\n${output.slice(-2000)}`)), ms);
    const check = () => { if (output.includes(text)) { clearTimeout(timer); resolve(); } };
    child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); check(); });
    child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); check(); });
    check();
  });
  try {
    await waitFor('deskbot is listening', 150_000);
    child.kill('SIGTERM');
    await waitFor('embedded PostgreSQL stopped', 30_000);
    return output;
  } finally {
    // Whatever the outcome, leave nothing of this start running (its own process group).
    try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
  }
}

test('SIGTERM to npm start closes the embedded database cleanly: version numbers stay consecutive across restarts', async () => {
  await startAndStop();
  await startAndStop();
  const db = await PGlite.create(path.join(dataDir, 'pg'));
  try {
    const versions = await db.query<{ number: number }>('SELECT "number" FROM "ModelVersion"');
    expect(versions.rows.map((r) => r.number)).toEqual([1]);
    // The next version after v1 is v2, not v33 (a sequence recovered from the write-ahead log after a crash).
    const next = await db.query<{ v: number }>(`SELECT nextval('"ModelVersion_number_seq"')::int AS v`);
    expect(next.rows[0]!.v).toBe(2);
  } finally {
    await db.close();
  }
}, 400_000);
