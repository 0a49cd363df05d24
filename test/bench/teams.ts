import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { startBotFrameworkStub, type BotFrameworkStub } from '../teams/helpers/bot-framework-stub.js';
import { startTeamsHarness } from '../teams/helpers/teams-harness.js';
import { createTestDatabase } from '../support/db.js';
import { freePort, waitForReady } from './direct-line.js';
import { percentile } from './percentile.js';

const sample = [
  'vpn keeps disconnecting every few minutes', 'i need access to the finance share', 'outlook not syncing', 'my tickets',
  'printer on floor 2 is jammed', 'how do i reset my password', 'license for visio', 'hello',
];
const root = path.resolve(import.meta.dirname, '../..');
const appId = '5e5e5e5e-1111-4222-8333-444444444444';

/**
 * Teams activity in → reply posted to the connector: deskbot runs as its own process (JWT validation on, connector
 * tokens from the stand-in's token endpoint) on a throwaway database on the real PostgreSQL and Redis; this process
 * plays Teams and the Bot Connector. `users` personal chats at once, each sending `perUser` messages one after the
 * other (paced: `thinkMs` between them; saturated: none). Latency is from the POST to /api/messages until the
 * connector stand-in receives the reply to that activity.
 */
export async function benchTeams(options: { users?: number; perUser?: number; thinkMs?: number } = {}) {
  const users = options.users ?? 50;
  const perUser = options.perUser ?? 10;
  const thinkMs = options.thinkMs ?? 2000;
  const db = await createTestDatabase({ migrate: false });
  await db.prisma.$disconnect();
  const stub = await startBotFrameworkStub();
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env, ESCALATION_QUEUE: `bench-teams-${Date.now()}`, DATABASE_URL: db.url, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', MicrosoftAppId: appId, MicrosoftAppPassword: 'bench-secret',
      ToBotFromChannelOpenIdMetadataUrl: stub.openIdMetadataUrl, ToBotFromChannelTokenIssuer: stub.issuer, ToChannelFromBotLoginUrl: stub.loginUrl,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(url, child);
    const token = await stub.mintToken(appId, stub.serviceUrl);
    const paced = await drive({ url, stub, token, users, perUser, thinkMs });
    const saturated = await drive({ url, stub, token, users, perUser, thinkMs: 0 });
    return { users, perUser, thinkMs, jwtValidation: true, paced, saturated, channelOnly: await benchChannelOnly(users, perUser) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await stub.close();
    await db.drop();
  }
}

/**
 * The Teams channel's own cost: the same load, saturated, in this process against a TurnHandler that answers at once
 * (no database), so what remains is HTTP in, JWT validation, botbuilder's turn and the connector call out.
 */
async function benchChannelOnly(users: number, perUser: number) {
  const h = await startTeamsHarness({
    appId, turns: { handle: async (m) => ({ conversationId: m.conversation.externalId, duplicate: false, replies: [{ text: 'ok' }], summary: { kind: null, intent: null, confidence: 0 } }) },
  });
  try {
    return await drive({ url: h.url, stub: h.stub, token: await h.stub.mintToken(appId, h.stub.serviceUrl), users, perUser, thinkMs: 0 });
  } finally {
    await h.close();
  }
}

interface DriveOptions { url: string; stub: BotFrameworkStub; token: string; users: number; perUser: number; thinkMs: number }

async function drive(o: DriveOptions) {
  const waiting = new Map<string, () => void>();
  o.stub.onCall = (call) => {
    const replyTo = /\/activities\/([^/]+)$/.exec(call.path)?.[1];
    if (call.method === 'POST' && replyTo) waiting.get(replyTo)?.();
  };
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: o.users }, async (_, u) => {
    const aad = randomUUID();
    const conversation = { id: `a:bench-${aad}`, conversationType: 'personal', tenantId: 'bench-tenant' };
    await sleep(o.thinkMs ? Math.random() * o.thinkMs : 0);
    for (let i = 0; i < o.perUser; i++) {
      const id = `${Date.now()}${u}${i}${Math.floor(Math.random() * 1e6)}`;
      const activity = {
        type: 'message', id, channelId: 'msteams', serviceUrl: o.stub.serviceUrl, text: sample[(u + i) % sample.length],
        from: { id: `29:${aad}`, name: `Bench User ${u}`, aadObjectId: aad }, recipient: { id: `28:${appId}`, name: 'deskbot' }, conversation,
      };
      const t0 = performance.now();
      const replied = new Promise<number>((resolve) => waiting.set(id, () => resolve(performance.now())));
      try {
        const res = await fetch(`${o.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${o.token}` }, body: JSON.stringify(activity) });
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        const t1 = await Promise.race([replied, sleep(10_000).then(() => null)]);
        if (t1 === null) throw new Error('no reply');
        latencies.push(t1 - t0);
      } catch {
        errors++;
      } finally {
        waiting.delete(id);
      }
      if (o.thinkMs) await sleep(o.thinkMs);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  return {
    messages: latencies.length, errors,
    replyP50Ms: percentile(latencies, 50), replyP99Ms: percentile(latencies, 99),
    messagesPerSecond: Math.round(latencies.length / seconds),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
