import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Queue } from 'bullmq';
import type { Db } from '../../src/db/client.js';
import { createEscalationHook, startOutboxRelay } from '../../src/escalation/index.js';
import { createRedis } from '../../src/redis/connection.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { closeSystem, queueName, recordingAdapter, redisUrl, seedTicket, silent, testSystem, waitFor } from './helpers.js';

let db: TestDatabase;
beforeAll(async () => { db = await createTestDatabase(); });
afterAll(async () => { await db?.drop(); });

const escalate = createEscalationHook();
const request = (t: { ticket: { id: string; number: string }; conversation: { id: string } }) =>
  ({ ticketId: t.ticket.id, ticketNumber: t.ticket.number, conversationId: t.conversation.id, reason: 'requested_human' as const });

describe('transactional outbox', () => {
  test('the escalation is written in the turn transaction and rolled back with it', async () => {
    const seeded = await seedTicket(db.prisma);
    await expect(db.prisma.$transaction(async (tx) => {
      await escalate(tx as unknown as Db, request(seeded));
      expect(await tx.escalation.count({ where: { ticketId: seeded.ticket.id } })).toBe(1);
      throw new Error('turn failed');
    })).rejects.toThrow('turn failed');
    expect(await db.prisma.escalation.count({ where: { ticketId: seeded.ticket.id } })).toBe(0);

    await db.prisma.$transaction((tx) => escalate(tx as unknown as Db, request(seeded)));
    const row = await db.prisma.escalation.findFirstOrThrow({ where: { ticketId: seeded.ticket.id } });
    expect(row).toMatchObject({ status: 'pending', assignmentGroup: 'Network', reason: 'requested_human', dedupeKey: seeded.ticket.id });
  });

  test('one open escalation per ticket; a resolved one frees the ticket for a new escalation', async () => {
    const seeded = await seedTicket(db.prisma);
    await escalate(db.prisma, request(seeded));
    await escalate(db.prisma, request(seeded));
    expect(await db.prisma.escalation.count({ where: { ticketId: seeded.ticket.id } })).toBe(2 - 1);
    await db.prisma.escalation.updateMany({ where: { ticketId: seeded.ticket.id }, data: { status: 'resolved', dedupeKey: null } });
    await escalate(db.prisma, request(seeded));
    expect(await db.prisma.escalation.count({ where: { ticketId: seeded.ticket.id } })).toBe(2);
  });

  test('two relays racing queue each escalation once (job id = escalation id)', async () => {
    const name = queueName();
    const redis = createRedis(redisUrl);
    const queue = new Queue(name, { connection: redis });
    const seeded = await Promise.all(Array.from({ length: 20 }, () => seedTicket(db.prisma)));
    for (const s of seeded) await escalate(db.prisma, request(s));
    // Two relays see the same pending rows before either marks them queued.
    const a = startOutboxRelay({ db: db.prisma, queue, redis, logger: silent, pollMs: 60_000 });
    const b = startOutboxRelay({ db: db.prisma, queue, redis, logger: silent, pollMs: 60_000 });
    await Promise.all([a.pass(), b.pass(), a.pass(), b.pass()]);
    await Promise.all([a.stop(), b.stop()]);
    const ids = seeded.map((s) => s.ticket.id);
    const rows = await db.prisma.escalation.findMany({ where: { ticketId: { in: ids } } });
    expect(rows.every((r) => r.status === 'queued' && r.queuedAt)).toBe(true);
    const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
    const posts = jobs.filter((j) => j.name === 'post' && rows.some((r) => r.id === j.id));
    expect(posts).toHaveLength(20);
    expect(new Set(posts.map((j) => j.id)).size).toBe(20);
    expect(jobs.filter((j) => j.name === 'sla' && rows.some((r) => j.id === `sla-${r.id}`))).toHaveLength(20);
    expect(posts[0]!.opts.attempts).toBeGreaterThan(1);
    expect(posts[0]!.opts.removeOnFail).toBe(false);
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
  });

  test('end to end: committed escalations are posted to the web agent console exactly once', async () => {
    const web = recordingAdapter();
    const system = testSystem(db.prisma, db.url, web);
    await system.start();
    try {
      const seeded = await Promise.all(Array.from({ length: 10 }, () => seedTicket(db.prisma)));
      for (const s of seeded) await db.prisma.$transaction((tx) => system.escalate(tx as unknown as Db, request(s)));
      const ids = seeded.map((s) => s.ticket.id);
      await waitFor(async () => (await db.prisma.escalation.count({ where: { ticketId: { in: ids }, status: 'posted' } })) === 10, 10_000, 'posted');
      const posts = await db.prisma.agentPost.findMany({ where: { escalation: { ticketId: { in: ids } } } });
      expect(posts).toHaveLength(10);
      expect(posts.every((p) => p.channel === 'web' && p.kind === 'initial' && p.externalRef === p.escalationId)).toBe(true);
    } finally {
      await closeSystem(system);
    }
  });
});
