import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '../support/db.js';
import { slackSignatureHeaders } from '../slack/support/sign.js';
import { startSlackApiStub } from '../slack/support/slack-api-stub.js';
import { botToken, eventCallback, signingSecret, testBot } from '../slack/support/slack-harness.js';
import { freePort, rssMb, waitForReady } from './direct-line.js';
import { percentile } from './percentile.js';

const sample = [
  'vpn keeps disconnecting every few minutes',
  'outlook not syncing',
  'my tickets',
  'printer on floor 2 is jammed',
  'how do i reset my password',
  'hello',
  'license for visio',
];

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Slack Events API latency on loopback: deskbot runs as its own process (as `npm start` does) with the Slack channel
 * pointed at a Slack Web API stand-in in this process, on a throwaway database on the real PostgreSQL and Redis.
 * After one warm-up message, `users` employees each write in their own DM: first all at once (burst), then `perUser` messages each, reading
 * the reply and waiting `thinkMs` in between (longer than Slack's one-post-per-second pace, as people are).
 * - ack: a signed `message.im` event leaves here → deskbot's HTTP 200 (Slack retries after 3 s; target p99 < 100 ms)
 * - reply: the same start → the reply's `chat.postMessage` reaching the stand-in
 */
export async function benchSlack(options: { users?: number; perUser?: number; thinkMs?: number } = {}) {
  const users = options.users ?? 50;
  const perUser = options.perUser ?? 10;
  const thinkMs = options.thinkMs ?? 1500;
  const db = await createTestDatabase({ migrate: false });
  await db.prisma.$disconnect();
  const api = await startSlackApiStub(testBot);
  const waiting = new Map<string, (at: number) => void>();
  api.subscribe((call, at) => { if (call.method === 'chat.postMessage') waiting.get(call.body.channel)?.(at); });
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env, ESCALATION_QUEUE: `bench-slack-${Date.now()}`, DATABASE_URL: db.url, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: api.apiUrl,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/slack/events`;
  let seq = 0;
  async function send(user: number, text: string) {
    const channel = `D0BENCH${String(user).padStart(3, '0')}`;
    const n = ++seq;
    const body = eventCallback({ type: 'message', channel, channel_type: 'im', user: `U0BENCH${String(user).padStart(3, '0')}`, text, ts: `1767500000.${String(n).padStart(6, '0')}` }, `Ev0BENCH${n}`);
    const replied = new Promise<number | null>((resolve) => {
      waiting.set(channel, resolve);
      setTimeout(() => resolve(null), 30_000).unref();
    });
    const t0 = performance.now();
    const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...slackSignatureHeaders(signingSecret, body) } });
    const ack = performance.now() - t0;
    await res.arrayBuffer();
    const at = await replied;
    return { ok: res.status === 200 && at !== null, ack, reply: at === null ? null : at - t0 };
  }
  try {
    await waitForReady(`http://127.0.0.1:${port}`, child);
    // One conversation first, so the burst measures a warm server rather than its first-use compilation.
    const warmUp = await send(users, 'hello');
    const burst = await Promise.all(Array.from({ length: users }, (_, u) => send(u, sample[u % sample.length]!)));
    const paced: Awaited<ReturnType<typeof send>>[] = [];
    const cpuBefore = cpuMs(child.pid!);
    await Promise.all(Array.from({ length: users }, async (_, u) => {
      await sleep(Math.random() * thinkMs);
      for (let i = 0; i < perUser; i++) {
        paced.push(await send(u, sample[(u + i + 1) % sample.length]!));
        await sleep(thinkMs);
      }
    }));
    const cpuPerMessage = Math.round(((cpuMs(child.pid!) - cpuBefore) / paced.length) * 10) / 10;
    return {
      users, perUser, thinkMs, firstMessage: { ackMs: Math.round(warmUp.ack), replyMs: warmUp.reply && Math.round(warmUp.reply) }, burst: summary(burst), paced: summary(paced),
      // Wall-clock figures depend on what else the machine runs; the server's CPU time per message does not.
      serverCpuMsPerMessage: cpuPerMessage, loadAverage1m: Math.round(os.loadavg()[0]! * 10) / 10, cpus: os.cpus().length, serverRssMb: rssMb(child.pid!),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await api.close();
    await db.drop();
  }
}

function summary(results: Array<{ ok: boolean; ack: number; reply: number | null }>) {
  const acks = results.map((r) => r.ack);
  const replies = results.flatMap((r) => (r.reply === null ? [] : [r.reply]));
  return {
    messages: results.length,
    errors: results.filter((r) => !r.ok).length,
    ackP50Ms: percentile(acks, 50),
    ackP99Ms: percentile(acks, 99),
    replyP50Ms: percentile(replies, 50),
    replyP99Ms: percentile(replies, 99),
  };
}

/** User plus system CPU time of a process so far, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
