import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startDirectLine, type DirectLineSession } from '../../src/cli/direct-line-client.js';
import { createTestDatabase } from '../support/db.js';
import { percentile } from './percentile.js';

const sample = [
  'vpn keeps disconnecting every few minutes',
  'i need access to the finance share',
  'outlook not syncing',
  'my tickets',
  'new starter laptop',
  'printer on floor 2 is jammed',
  'how do i reset my password',
  'license for visio',
  'wifi down for the whole floor nobody can work',
  'hello',
];

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Message → reply latency through the Direct Line endpoint on loopback. deskbot runs as its own process (as
 * `npm start` does) on a throwaway database on the real PostgreSQL and the real Redis; this process is the client.
 * - paced: `conversations` concurrent conversations, each sending a message, reading the reply, then waiting
 *   `thinkMs` (people read and type), `perConversation` times.
 * - saturated: the same conversations with no pause, which gives the most messages per second the bot handles.
 * Latency is POST of the activity plus GET of the reply by watermark.
 */
export async function benchDirectLine(options: { conversations?: number; perConversation?: number; thinkMs?: number } = {}) {
  const conversations = options.conversations ?? 100;
  const perConversation = options.perConversation ?? 10;
  const thinkMs = options.thinkMs ?? 3000;
  const db = await createTestDatabase({ migrate: false });
  await db.prisma.$disconnect();
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env, ESCALATION_QUEUE: `bench-${Date.now()}`, DATABASE_URL: db.url, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn',
      // Every guest conversation starts from this one address; the per-address limit on starts is not what is measured.
      WEB_CONVERSATION_RATE_LIMIT: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(url, child);
    const sessions = await Promise.all(Array.from({ length: conversations }, () => startDirectLine(url)));
    const paced = await drive(sessions, perConversation, thinkMs);
    const saturated = await drive(sessions, perConversation, 0);
    return { conversations, thinkMs, paced, saturated, serverRssMb: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await db.drop();
  }
}

async function drive(sessions: DirectLineSession[], perConversation: number, thinkMs: number) {
  const latencies: number[] = [];
  const later: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(sessions.map(async (session, c) => {
    // Spread the first messages over one think time, as people do not all press Enter at once.
    await sleep(thinkMs ? Math.random() * thinkMs : 0);
    for (let i = 0; i < perConversation; i++) {
      const t0 = performance.now();
      try {
        const replies = await session.say(sample[(c + i) % sample.length]!, `bench-${c}`);
        latencies.push(performance.now() - t0);
        if (i > 0) later.push(performance.now() - t0);
        if (!replies.length) errors++;
      } catch {
        errors++;
      }
      if (thinkMs) await sleep(thinkMs);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  return {
    messages: latencies.length,
    errors,
    replyP50Ms: percentile(latencies, 50),
    replyP99Ms: percentile(latencies, 99),
    // The first message of a conversation also creates the employee and the conversation.
    laterMessagesP99Ms: percentile(later, 99),
    messagesPerSecond: Math.round(latencies.length / seconds),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function waitForReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`deskbot exited with ${child.exitCode} before it was ready`);
    const ok = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ok) return;
    await sleep(200);
  }
  throw new Error('deskbot did not become ready within 120 s');
}

export function rssMb(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}
