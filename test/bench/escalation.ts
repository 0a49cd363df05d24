import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { createPrisma, type Db, type PrismaClient } from '../../src/db/client.js';
import { createEscalationSystem } from '../../src/escalation/index.js';
import { openTicket } from '../../src/tickets/open-ticket.js';
import { createTestDatabase } from '../support/db.js';
import { percentile } from './percentile.js';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Escalation → agent-channel post latency through the whole path: the escalation committed in a transaction
 * (outbox) → LISTEN/NOTIFY nudge or 250 ms poll → relay → BullMQ → worker → AgentPost + posted, on a throwaway
 * database on the real PostgreSQL and the real Redis. Latency is from just before the transaction starts to the
 * worker's `postedAt`.
 * - paced: `count` escalations arriving `ratePerSecond` a second (one transaction each).
 * - burst: `count` escalations committed as fast as 20 concurrent transactions go; throughput = count / time until
 *   the last one is posted.
 * Target: paced p99 < 250 ms on loopback.
 */
export async function benchEscalation(options: { count?: number; ratePerSecond?: number; concurrency?: number; poolSize?: number } = {}) {
  const count = options.count ?? 1000;
  const rate = options.ratePerSecond ?? 100;
  const db = await createTestDatabase();
  const prisma = createPrisma(db.url, options.poolSize ?? 30);
  const system = createEscalationSystem({
    prisma, redisUrl, databaseUrl: db.url, channels: () => ({ channel: 'web', send: async () => undefined }),
    logger: pino({ level: 'warn' }), queueName: `bench-escalations-${Date.now()}`, concurrency: options.concurrency ?? 16,
  });
  try {
    await prisma.agent.create({ data: { name: 'Bench', email: 'bench@example.com', tokenHash: 'bench' } });
    await system.start();
    await sleep(300); // LISTEN connected, worker ready
    const paced = await run(prisma, system.escalate, await seed(prisma, count), async (i) => sleep(Math.max(0, i * (1000 / rate) - elapsed())), 10);
    const burst = await run(prisma, system.escalate, await seed(prisma, count), async () => undefined, 20);
    return { count, paced: { ratePerSecond: rate, ...paced }, burst };
  } finally {
    await system.queue.obliterate({ force: true }).catch(() => undefined);
    await system.stop();
    await prisma.$disconnect();
    await db.drop();
  }

  function elapsed() {
    return performance.now() - (started ?? performance.now());
  }
}

let started: number | undefined;

type Seeded = Array<{ ticketId: string; ticketNumber: string; conversationId: string }>;

async function seed(prisma: PrismaClient, count: number): Promise<Seeded> {
  const employee = await prisma.employee.create({ data: { displayName: 'Bench Employee' } });
  const out: Seeded = [];
  for (let i = 0; i < count; i += 50) {
    out.push(...await Promise.all(Array.from({ length: Math.min(50, count - i) }, async (_, j) => {
      const conversation = await prisma.conversation.create({ data: { channel: 'web', externalId: `bench-${Date.now()}-${i + j}`, employeeId: employee.id } });
      const { ticket } = await openTicket(prisma, {
        kind: 'incident', intent: null, title: 'Bench incident', description: 'Bench', impact: 1, urgency: 1,
        requesterId: employee.id, conversationId: conversation.id, assignmentGroup: 'Network',
      });
      return { ticketId: ticket.id, ticketNumber: ticket.number, conversationId: conversation.id };
    })));
  }
  return out;
}

async function run(prisma: PrismaClient, escalate: (db: Db, r: never) => Promise<void>, seeded: Seeded, pace: (i: number) => Promise<void>, parallel: number) {
  const t0 = new Map<string, number>();
  started = performance.now();
  const wallStart = Date.now();
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    for (let i = next++; i < seeded.length; i = next++) {
      await pace(i);
      const s = seeded[i]!;
      t0.set(s.ticketId, Date.now());
      await prisma.$transaction((tx) => escalate(tx as unknown as Db, { ...s, reason: 'high_priority' } as never));
    }
  }));
  const ids = seeded.map((s) => s.ticketId);
  for (;;) {
    const posted = await prisma.escalation.count({ where: { ticketId: { in: ids }, status: 'posted' } });
    if (posted === ids.length) break;
    if (Date.now() - wallStart > 120_000) throw new Error(`only ${posted} of ${ids.length} escalations posted after 120 s`);
    await sleep(20);
  }
  const rows = await prisma.escalation.findMany({ where: { ticketId: { in: ids } }, select: { ticketId: true, postedAt: true } });
  const latencies = rows.map((r) => r.postedAt!.getTime() - t0.get(r.ticketId)!);
  const lastPosted = Math.max(...rows.map((r) => r.postedAt!.getTime()));
  const posts = await prisma.agentPost.count({ where: { escalation: { ticketId: { in: ids } } } });
  return {
    p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), maxMs: percentile(latencies, 100),
    throughputPerSecond: Math.round((ids.length / ((lastPosted - wallStart) / 1000)) * 10) / 10,
    agentPosts: posts,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [concurrency, poolSize] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await benchEscalation({ concurrency: concurrency || undefined, poolSize: poolSize || undefined }), null, 2));
}
