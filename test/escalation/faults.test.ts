import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { createBusinessHours, createWebAgentChannel, startEscalationWorker, type EscalationSystem } from '../../src/escalation/index.js';
import { createRedis } from '../../src/redis/connection.js';
import { freePort } from '../../src/redis/free-port.js';
import { pingOnce } from '../../src/redis/wait-for-pong.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { closeSystem, fastSla, recordingAdapter, seedTicket, silent, testSystem, waitFor } from './helpers.js';

let db: TestDatabase;
const systems: EscalationSystem[] = [];
const cleanups: Array<() => Promise<void>> = [];
beforeAll(async () => { db = await createTestDatabase(); });
afterEach(async () => { await closeAll(); });
afterAll(async () => { await closeAll(); await db?.drop(); });

const track = (s: EscalationSystem) => (systems.push(s), s);
/** Each test stops its system at the end: relays share the database, so a leftover one would take other tests' rows. */
async function closeAll(): Promise<void> {
  for (const s of systems.splice(0)) await closeSystem(s);
  for (const c of cleanups.splice(0)) await c().catch(() => undefined);
}
const escalateAll = async (system: EscalationSystem, seeded: Array<Awaited<ReturnType<typeof seedTicket>>>) => {
  for (const s of seeded) {
    await db.prisma.$transaction((tx) => system.escalate(tx as unknown as Db, {
      ticketId: s.ticket.id, ticketNumber: s.ticket.number, conversationId: s.conversation.id, reason: 'high_priority',
    }));
  }
  return db.prisma.escalation.findMany({ where: { ticketId: { in: seeded.map((s) => s.ticket.id) } } });
};
const postsOf = (ids: string[]) => db.prisma.agentPost.findMany({ where: { escalationId: { in: ids } } });

describe('faults', () => {
  test('a job that dies right after recording its post is retried and posts nothing twice', async () => {
    let failures = 0;
    const system = track(testSystem(db.prisma, db.url, recordingAdapter(), {
      faults: { afterPostRecorded: async () => { if (failures++ === 0) throw new Error('worker crashed mid-job'); } },
    }));
    await system.start();
    const [row] = await escalateAll(system, [await seedTicket(db.prisma)]);
    await waitFor(async () => (await db.prisma.escalation.findUniqueOrThrow({ where: { id: row!.id } })).status === 'posted', 15_000, 'posted after retry');
    await waitFor(async () => (await system.queue.getJob(row!.id))?.isCompleted(), 5000, 'job completed');
    expect((await system.queue.getJob(row!.id))?.attemptsMade).toBe(2);
    expect(failures).toBe(1);
    expect(await postsOf([row!.id])).toHaveLength(1);
  });

  test('a worker killed mid-job: its stalled job is taken over by another worker → exactly one post', async () => {
    let entered = 0;
    let revive = () => {};
    const hang = new Promise<void>((resolve) => (revive = resolve));
    const system = track(testSystem(db.prisma, db.url, recordingAdapter(), {
      lockDuration: 1000, stalledInterval: 500,
      faults: { afterPostRecorded: async () => { if (entered++ === 0) await hang; } },
    }));
    await system.start();
    const [row] = await escalateAll(system, [await seedTicket(db.prisma)]);
    await waitFor(async () => (await postsOf([row!.id])).length === 1, 10_000, 'post recorded');
    await system.worker()!.close(true); // no more lock renewals: the job stalls

    const redis = createRedis('redis://127.0.0.1:6379');
    const rescuer = startEscalationWorker({
      db: db.prisma, queueName: system.queue.name, redis, agentChannels: () => [createWebAgentChannel()], channels: () => undefined,
      hours: createBusinessHours(), logger: silent, lockDuration: 1000, stalledInterval: 500,
    });
    cleanups.push(async () => { await rescuer.close(); redis.disconnect(); });
    await waitFor(async () => (await db.prisma.escalation.findUniqueOrThrow({ where: { id: row!.id } })).status === 'posted', 15_000, 'posted by the rescuer');
    expect(await postsOf([row!.id])).toHaveLength(1);
    expect(entered).toBe(1);
    expect(await system.queue.getJob(row!.id).then((j) => j?.stalledCounter)).toBe(1);
    revive(); // the "dead" worker's handler wakes up late: it must not post again either
    await sleep(300);
    expect(await postsOf([row!.id])).toHaveLength(1);
  });

  test('Redis down: escalations stay pending; when it is back each is delivered exactly once', async () => {
    const port = await freePort();
    let server = await startRedis(port);
    cleanups.push(() => stopRedis(server));
    const web = recordingAdapter();
    const system = track(testSystem(db.prisma, db.url, web, { redisUrl: `redis://127.0.0.1:${port}` }));
    await system.start();
    const [warm] = await escalateAll(system, [await seedTicket(db.prisma)]);
    await waitFor(async () => (await db.prisma.escalation.findUniqueOrThrow({ where: { id: warm!.id } })).status === 'posted', 10_000, 'first post');

    await stopRedis(server);
    const rows = await escalateAll(system, await Promise.all(Array.from({ length: 8 }, () => seedTicket(db.prisma))));
    const ids = rows.map((r) => r.id);
    await sleep(1000);
    expect((await db.prisma.escalation.findMany({ where: { id: { in: ids } } })).map((r) => r.status)).toEqual(Array(8).fill('pending'));

    server = await startRedis(port);
    await waitFor(async () => (await db.prisma.escalation.count({ where: { id: { in: ids }, status: 'posted' } })) === 8, 20_000, 'drained');
    const posts = await postsOf(ids);
    expect(posts).toHaveLength(8);
    expect(new Set(posts.map((p) => p.escalationId)).size).toBe(8);
    const completed = async () => (await system.queue.getJobs(['completed'])).filter((j) => j.name === 'post' && ids.includes(j.id!)).length;
    await waitFor(async () => (await completed()) === 8, 5000, 'jobs completed');
    // No agent exists, so each post also wrote a "no agent is free" notice, sent by a `notice` job of its own.
    await waitFor(async () => (await db.prisma.employeeNotice.count({ where: { id: { in: ids.map((id) => `notice-unstaffed-${id}`) }, status: 'sent' } })) === 8, 10_000, 'notices sent');
    const numbers = (await db.prisma.employeeNotice.findMany({ where: { id: { in: ids.map((id) => `notice-unstaffed-${id}`) } } })).map((n) => n.ticketNumber!);
    for (const n of numbers) expect(web.texts().filter((t) => t.startsWith('No agent is free') && t.includes(`${n} `))).toHaveLength(1);
    expect(await system.queue.getJobCounts('failed', 'active', 'wait')).toEqual({ failed: 0, active: 0, wait: 0 });
    await closeAll(); // while its Redis still runs
  
  });

  test('SLA: an escalation nobody claims by its response target is re-posted and marked overdue; a claimed one is not', async () => {
    const system = track(testSystem(db.prisma, db.url, recordingAdapter()));
    await system.start();
    const [late] = await escalateAll(system, [await seedTicket(db.prisma, { sla: fastSla(300) })]);
    await waitFor(async () => (await db.prisma.escalation.findUniqueOrThrow({ where: { id: late!.id } })).overdue, 10_000, 'overdue');
    const posts = await waitFor(async () => {
      const p = await postsOf([late!.id]);
      return p.length === 2 ? p : null;
    }, 5000, 'overdue post');
    expect(posts.map((p) => p.kind).sort()).toEqual(['initial', 'overdue']);

    const agent = await db.prisma.agent.create({ data: { name: 'Quick', email: 'quick@example.com', tokenHash: 'x' } });
    const [onTime] = await escalateAll(system, [await seedTicket(db.prisma, { sla: fastSla(1500) })]);
    await waitFor(async () => (await db.prisma.escalation.findUniqueOrThrow({ where: { id: onTime!.id } })).status === 'posted', 5000, 'posted');
    const { claimed } = await system.desk.claim({ ...agent, groups: [] }, onTime!.id);
    expect(claimed).toBe(true);
    await waitFor(async () => (await system.queue.getJob(`sla-${onTime!.id}`))?.isCompleted(), 10_000, 'sla job ran');
    expect((await db.prisma.escalation.findUniqueOrThrow({ where: { id: onTime!.id } })).overdue).toBe(false);
    expect((await postsOf([onTime!.id])).map((p) => p.kind)).toEqual(['initial']);
  });
});

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await waitFor(() => pingOnce(port), 10_000, 'redis-server');
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}
