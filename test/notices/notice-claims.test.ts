import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { ChannelAdapter } from '../../src/core/adapter.js';
import type { Reply } from '../../src/core/reply.js';
import { createPrisma, type PrismaClient } from '../../src/db/client.js';
import type { EscalationSystem } from '../../src/escalation/index.js';
import { claimEmployeeNotice } from '../../src/notices/claim-employee-notice.js';
import { deliverEmployeeNotice, NoticeBusyError } from '../../src/notices/deliver-employee-notice.js';
import { writeEmployeeNotice } from '../../src/notices/write-employee-notice.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { closeSystem, testSystem, waitFor } from '../escalation/helpers.js';

let db: TestDatabase;
const closers: Array<() => Promise<unknown>> = [];

beforeAll(async () => { db = await createTestDatabase(); });
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});
afterAll(async () => { await db?.drop(); });

/**
 * A stand-in for a chat platform's HTTP API, and a web ChannelAdapter that posts each send to it: a send lasts as long
 * as the stand-in takes to answer. `hold()` keeps every request waiting until `letGo()`; `delayMs` slows each answer;
 * `fail(text, n)` answers 502 to the next n sends whose text contains `text`. `received` lists the texts of the
 * requests that reached it (a request that got there is a message the employee sees), in arrival order.
 */
async function platformStub(options: { delayMs?: number } = {}) {
  const received: string[] = [];
  const failures = new Map<string, number>();
  let held: Array<() => void> | null = null;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', async () => {
      const text = (JSON.parse(body) as Reply[]).map((r) => r.text).join('\n');
      const failing = [...failures.keys()].find((k) => text.includes(k) && failures.get(k)! > 0);
      if (failing) failures.set(failing, failures.get(failing)! - 1);
      else received.push(text);
      if (options.delayMs) await sleep(options.delayMs);
      if (held) await new Promise<void>((resolve) => held!.push(resolve));
      res.writeHead(failing ? 502 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  closers.push(() => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }));
  const adapter: ChannelAdapter = {
    channel: 'web',
    async send(_reference, replies) {
      const res = await fetch(url, { method: 'POST', body: JSON.stringify(replies) });
      if (!res.ok) throw new Error(`the platform answered ${res.status}`);
    },
  };
  return {
    adapter,
    channels: () => adapter,
    received,
    hold() { held = []; },
    letGo() { const waiting = held ?? []; held = null; for (const go of waiting) go(); },
    fail(text: string, n: number) { failures.set(text, n); },
  };
}

/** Start the escalation system (relay and worker) on the stub platform, and wait until every notice in `ids` is sent. */
async function workUntilSent(platform: Awaited<ReturnType<typeof platformStub>>, ids: string[], timeoutMs: number): Promise<EscalationSystem> {
  const system = testSystem(db.prisma, db.url, { ...platform.adapter, channel: 'web', sent: [], texts: () => [] });
  closers.push(() => closeSystem(system));
  await system.start();
  await waitFor(async () => (await db.prisma.employeeNotice.count({ where: { id: { in: ids }, status: 'sent' } })) === ids.length,
    timeoutMs, 'every notice sent');
  return system;
}

/** A web conversation of a new employee. */
async function newConversation(prisma: PrismaClient = db.prisma): Promise<string> {
  const employee = await prisma.employee.create({ data: { displayName: 'Grace Hopper', email: `${randomUUID()}@example.com` } });
  const conversation = await prisma.conversation.create({
    data: { channel: 'web', externalId: `dl-${randomUUID()}`, employeeId: employee.id, reference: { conversationId: `dl-${randomUUID()}` } },
  });
  return conversation.id;
}

/** Write a pending notice saying `text`; each call commits on its own, so a later call's notice is younger. */
async function writeNotice(conversationId: string, text: string): Promise<string> {
  const id = `notice-test-${randomUUID()}`;
  await writeEmployeeNotice(db.prisma, { id, kind: 'test', conversationId, replies: [{ text }] });
  await sleep(5);
  return id;
}

const noticeRow = (id: string) => db.prisma.employeeNotice.findUniqueOrThrow({ where: { id } });

describe('a notice being sent holds no transaction', () => {
  test('while the platform has not answered, the pool stays usable and another transaction can lock and update the row', async () => {
    const platform = await platformStub();
    const conversationId = await newConversation();
    const id = await writeNotice(conversationId, 'I have logged INC0001234 for you');
    // A pool of one connection: a send holding it would starve every other query of this client.
    const single = createPrisma(db.url, 1);
    closers.push(() => single.$disconnect());
    platform.hold();
    const delivery = deliverEmployeeNotice(single, platform.channels, id);
    await waitFor(async () => platform.received.length > 0, 5000, 'the send reached the platform');

    const soon = <T>(work: Promise<T>) => Promise.race([work, sleep(2000).then(() => { throw new Error('blocked for 2 s'); })]);
    expect(await soon(single.$queryRaw<Array<{ one: number }>>`SELECT 1 AS "one"`)).toEqual([{ one: 1 }]);
    await soon(db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL lock_timeout = '1s'`;
      await tx.$queryRaw`SELECT "id" FROM "EmployeeNotice" WHERE "id" = ${id} FOR UPDATE`;
      await tx.$executeRaw`UPDATE "EmployeeNotice" SET "kind" = 'test-updated' WHERE "id" = ${id}`;
    }));
    const idle = await db.prisma.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS "n" FROM pg_stat_activity WHERE "datname" = current_database() AND "state" LIKE 'idle in transaction%'`;
    expect(idle[0]!.n).toBe(0);
    // The claim is what keeps a second sender off it meanwhile.
    expect(await noticeRow(id)).toMatchObject({ status: 'pending', attempts: 1, sendingUntil: expect.any(Date) });
    await expect(deliverEmployeeNotice(db.prisma, platform.channels, id)).rejects.toThrow(NoticeBusyError);

    platform.letGo();
    expect(await delivery).toBe('sent');
    expect(await noticeRow(id)).toMatchObject({ status: 'sent', attempts: 1, sendingUntil: null, kind: 'test-updated' });
    expect(platform.received).toHaveLength(1);
  });

  test('a send that outlasts its time-out fails, keeps the claim until it expires, and is marked sent when it lands', async () => {
    const platform = await platformStub();
    const id = await writeNotice(await newConversation(), 'I have logged INC0001235 for you');
    platform.hold();
    await expect(deliverEmployeeNotice(db.prisma, platform.channels, id, { sendTimeoutMs: 200, claimMarginMs: 60_000 }))
      .rejects.toThrow('did not answer within 200 ms');
    expect(await noticeRow(id)).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('200 ms') });
    await expect(deliverEmployeeNotice(db.prisma, platform.channels, id)).rejects.toThrow('being delivered elsewhere');
    platform.letGo();
    await waitFor(async () => (await noticeRow(id)).status === 'sent', 5000, 'the late send marked sent');
    expect(await deliverEmployeeNotice(db.prisma, platform.channels, id)).toBe('already_sent');
    expect(platform.received).toHaveLength(1);
  });
});

describe('a claim', () => {
  test('an expired claim (a sender that crashed mid-send) is taken again by exactly one of two racing senders', async () => {
    const platform = await platformStub({ delayMs: 200 });
    const id = await writeNotice(await newConversation(), 'Ada from the service desk has picked up INC0001236');
    // A sender claims it for 300 ms and dies without sending.
    const crashed = await claimEmployeeNotice(db.prisma, id, 300);
    expect(crashed).toMatchObject({ id, attempt: 1 });
    await expect(deliverEmployeeNotice(db.prisma, platform.channels, id)).rejects.toThrow('being delivered elsewhere');
    await sleep(400);
    const results = await Promise.allSettled([
      deliverEmployeeNotice(db.prisma, platform.channels, id), deliverEmployeeNotice(db.prisma, platform.channels, id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => r.value)).toEqual(['sent']);
    expect(results.find((r) => r.status === 'rejected')?.reason).toBeInstanceOf(NoticeBusyError);
    expect(await deliverEmployeeNotice(db.prisma, platform.channels, id)).toBe('already_sent');
    expect(platform.received).toHaveLength(1);
    expect(await noticeRow(id)).toMatchObject({ status: 'sent', attempts: 2, sendingUntil: null });
  });

  test('a failed send drops the claim at once, so the next attempt need not wait for it to expire', async () => {
    const platform = await platformStub();
    const id = await writeNotice(await newConversation(), 'Your request is back in the queue');
    platform.fail('back in the queue', 1);
    await expect(deliverEmployeeNotice(db.prisma, platform.channels, id)).rejects.toThrow('answered 502');
    expect(await noticeRow(id)).toMatchObject({ status: 'pending', attempts: 1, sendingUntil: null, lastError: 'the platform answered 502' });
    expect(await deliverEmployeeNotice(db.prisma, platform.channels, id)).toBe('sent');
    expect(await noticeRow(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });
});

describe('the notices of one conversation are sent in the order they were written', () => {
  test('a notice waits while an older one of its conversation is unsent; a failed one holds nothing back', async () => {
    const platform = await platformStub();
    const conversationId = await newConversation();
    const older = await writeNotice(conversationId, 'Ada from the service desk has picked up INC0001237');
    const newer = await writeNotice(conversationId, 'Your request is back in the queue');
    const elsewhere = await writeNotice(await newConversation(), 'No agent is free right now');
    platform.fail('picked up', 1);
    await expect(deliverEmployeeNotice(db.prisma, platform.channels, older)).rejects.toThrow('answered 502');
    const behind = await deliverEmployeeNotice(db.prisma, platform.channels, newer).catch((err: unknown) => err);
    expect(behind).toBeInstanceOf(NoticeBusyError);
    expect((behind as NoticeBusyError).reason).toBe('behind');
    expect(await noticeRow(newer)).toMatchObject({ status: 'pending', attempts: 0 });
    // Other conversations are not held up.
    expect(await deliverEmployeeNotice(db.prisma, platform.channels, elsewhere)).toBe('sent');
    expect(await deliverEmployeeNotice(db.prisma, platform.channels, older)).toBe('sent');
    expect(await deliverEmployeeNotice(db.prisma, platform.channels, newer)).toBe('sent');
    expect(platform.received.filter((t) => !t.startsWith('No agent'))).toEqual([
      'Ada from the service desk has picked up INC0001237', 'Your request is back in the queue',
    ]);

    const given = await writeNotice(conversationId, 'INC0001237 is resolved. How did we do?');
    const after = await writeNotice(conversationId, 'Ada from the service desk has picked up INC0001237 again');
    await db.prisma.employeeNotice.update({ where: { id: given }, data: { status: 'failed' } });
    expect(await deliverEmployeeNotice(db.prisma, platform.channels, after)).toBe('sent');
  });

  test('the worker sends a notice written after one whose first send failed only after that one', async () => {
    const platform = await platformStub();
    const conversationId = await newConversation();
    const first = await writeNotice(conversationId, 'Ada from the service desk has picked up INC0001238');
    const second = await writeNotice(conversationId, 'Your request about INC0001238 is back in the queue');
    platform.fail('picked up', 1);
    await workUntilSent(platform, [first, second], 20_000);
    // The relay queues every pending notice of the database; only this conversation's are looked at.
    expect(platform.received.filter((t) => t.includes('INC0001238'))).toEqual([
      'Ada from the service desk has picked up INC0001238', 'Your request about INC0001238 is back in the queue',
    ]);
    expect(await noticeRow(first)).toMatchObject({ attempts: 2 });
    expect(await noticeRow(second)).toMatchObject({ attempts: 1 });
  }, 30_000);

  test('a notice waiting behind an older failing one uses none of its own attempts', async () => {
    const platform = await platformStub();
    const conversationId = await newConversation();
    const first = await writeNotice(conversationId, 'Ada from the service desk has picked up INC0001239');
    const second = await writeNotice(conversationId, 'INC0001239 was resolved: how did we do?');
    platform.fail('picked up', 3);
    const system = await workUntilSent(platform, [first, second], 40_000);
    expect(platform.received.filter((t) => t.includes('INC0001239'))).toEqual([
      'Ada from the service desk has picked up INC0001239', 'INC0001239 was resolved: how did we do?',
    ]);
    // The older notice took four attempts (three failed); the newer one waited, then took one.
    expect((await system.queue.getJob(first))?.attemptsMade).toBe(4);
    expect((await system.queue.getJob(second))?.attemptsMade).toBe(1);
    expect(await noticeRow(second)).toMatchObject({ attempts: 1 });
  }, 60_000);
});
