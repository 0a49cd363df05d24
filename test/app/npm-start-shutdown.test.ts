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

/** `npm start` on the embedded databases in `dataDir`, in a process group of its own, with its output collected. */
function startNpm(dir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child: ChildProcess = spawn('npm', ['start'], { cwd: path.resolve(import.meta.dirname, '../..'), env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // 'close': the process is gone and its output read to the end.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  const waitFor = (text: string, ms: number) => new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${ms} ms:\n${output.slice(-2000)}`)), ms);
    const check = () => { if (output.includes(text)) { clearTimeout(timer); resolve(); } };
    child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); check(); });
    child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); check(); });
    check();
  });
  return {
    child, waitFor, exited,
    output: () => output,
    // Whatever the outcome, leave nothing of this start running (its own process group).
    kill: () => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ } },
  };
}

/** Run `npm start` until `readyLine` is logged, SIGTERM npm's pid alone, resolve with the output and the exit. */
async function startAndStop(readyLine = 'deskbot is listening') {
  const run = startNpm(dataDir);
  try {
    await run.waitFor(readyLine, 150_000);
    run.child.kill('SIGTERM');
    const exit = await Promise.race([run.exited, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no exit within 30 s:\n${run.output().slice(-2000)}`)), 30_000))]);
    // Checked before the group is killed below, which would take an orphaned redis-server with it.
    const redisPid = Number(/"pid":(\d+)[^\n]*embedded redis-server started/.exec(run.output())?.[1]);
    expect(redisPid).not.toBe(run.child.pid);
    return { output: run.output(), exit, redisPid, redisAlive: Number.isInteger(redisPid) && isAlive(redisPid) };
  } finally {
    run.kill();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The model version numbers stored, and the one the sequence would give next. */
async function versionNumbers(): Promise<{ stored: number[]; next: number }> {
  const db = await PGlite.create(path.join(dataDir, 'pg'));
  try {
    const versions = await db.query<{ number: number }>('SELECT "number" FROM "ModelVersion"');
    const next = await db.query<{ v: number }>(`SELECT nextval('"ModelVersion_number_seq"')::int AS v`);
    return { stored: versions.rows.map((r) => r.number), next: next.rows[0]!.v };
  } finally {
    await db.close();
  }
}

test('SIGTERM to npm start closes the embedded database cleanly: version numbers stay consecutive across restarts', async () => {
  for (let i = 0; i < 2; i++) {
    const stopped = await startAndStop();
    expect(stopped.output).toContain('embedded PostgreSQL stopped');
    expect(stopped.exit).toEqual({ code: 0, signal: null });
    expect(stopped.redisAlive).toBe(false);
  }
  // The next version after v1 is v2, not v33 (a sequence recovered from the write-ahead log after a crash).
  expect(await versionNumbers()).toEqual({ stored: [1], next: 2 });
}, 400_000);

test('SIGTERM while the first intent model trains: the same clean shutdown, no redis-server left, numbering goes on', async () => {
  await rm(dataDir, { recursive: true, force: true });
  // Sent as soon as the server listens early: the seed catalogue's training takes seconds, the log line milliseconds.
  const stopped = await startAndStop('answering health checks while the intent model trains');
  expect(stopped.output).not.toContain('deskbot is listening');
  expect(stopped.exit).toEqual({ code: 0, signal: null });
  expect(stopped.output).toContain('"starting":true');
  expect(stopped.output).toContain('shutting down');
  expect(stopped.output).toContain('embedded redis-server stopped');
  expect(stopped.output).toContain('embedded PostgreSQL stopped');
  expect(Number.isInteger(stopped.redisPid)).toBe(true);
  expect(stopped.redisAlive).toBe(false);

  // v1 was published before the training; a clean stop leaves its sequence where it was.
  const restarted = await startAndStop();
  expect(restarted.exit).toEqual({ code: 0, signal: null });
  expect(restarted.output).toContain('embedded PostgreSQL stopped');
  expect(restarted.redisAlive).toBe(false);
  expect(await versionNumbers()).toEqual({ stored: [1], next: 2 });
}, 400_000);
