import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { ChannelAdapter } from '../../src/core/adapter.js';
import type { Reply } from '../../src/core/reply.js';
import { sweepPendingIncidents } from '../../src/conversation/sweep-pending-incidents.js';
import type { EscalationSystem } from '../../src/escalation/index.js';
import { deliverEmployeeNotice } from '../../src/notices/deliver-employee-notice.js';
import { createPipelineHarness, type PipelineHarness, type TestEmployee } from '../support/pipeline-harness.js';
import { closeSystem, queueName, silent, testSystem, waitFor } from '../escalation/helpers.js';

const minutes = 30;
let h: PipelineHarness;
let systems: EscalationSystem[] = [];

beforeAll(async () => { h = await createPipelineHarness(); });
afterEach(async () => {
  for (const s of systems) await closeSystem(s);
  systems = [];
});
afterAll(async () => { await h?.close(); });

/** A stub web channel: records every send per conversation reference; `fail(n)` makes the next n sends throw; `delayMs` slows each send. */
function stubWeb(options: { delayMs?: number } = {}) {
  const sent: Array<{ reference: Record<string, unknown>; replies: Reply[] }> = [];
  let failures = 0;
  let calls = 0;
  const adapter: ChannelAdapter = {
    channel: 'web',
    async send(reference, replies) {
      calls += 1;
      if (options.delayMs) await sleep(options.delayMs);
      if (failures > 0) {
        failures -= 1;
        throw new Error('Direct Line answered 502');
      }
      sent.push({ reference, replies });
    },
  };
  return {
    adapter,
    sent,
    calls: () => calls,
    fail(n: number) { failures = n; },
    /** Sends whose text holds `I've logged <number>`. */
    noticesFor: (number: string) => sent.filter((s) => s.replies.some((r) => r.text.includes(`I've logged ${number}`))),
  };
}

/** Sweep as if the time-out had passed; `queued`: only write the notices, as a deskbot with Redis does. */
function sweep(web: ChannelAdapter, queued = true) {
  return sweepPendingIncidents({
    prisma: h.db.prisma, services: () => h.services, channels: (name) => (name === 'web' ? web : undefined), queued,
    logger: silent, minutes, clock: () => new Date(Date.now() + (minutes + 1) * 60_000),
  });
}

/** An escalation system (relay + worker) on the harness database, sending to `web`. */
async function startSystem(web: ChannelAdapter, name = queueName()): Promise<EscalationSystem> {
  const system = testSystem(h.db.prisma, h.db.url, { ...web, channel: 'web', sent: [], texts: () => [] }, { queueName: name });
  systems.push(system);
  await system.start();
  return system;
}

async function ticketOf(emp: TestEmployee) {
  return h.db.prisma.ticket.findFirstOrThrow({ where: { requester: { identities: { some: { externalId: emp.id } } } } });
}

async function noticeOf(emp: TestEmployee) {
  const ticket = await ticketOf(emp);
  return h.db.prisma.employeeNotice.findUniqueOrThrow({ where: { id: `notice-${ticket.id}` } });
}

describe('the "I\'ve logged INC…" notice of an unanswered incident is an outbox row delivered by the worker', () => {
  test('it is written with the ticket and delivered once', async () => {
    const web = stubWeb();
    await startSystem(web.adapter);
    const emp = h.employee();
    await emp.say('my laptop screen is cracked');
    const swept = await sweep(web.adapter);
    const ticket = await ticketOf(emp);
    expect(swept.find((s) => s.tickets.includes(ticket.number))?.sent).toBe(false);
    await waitFor(async () => web.noticesFor(ticket.number).length > 0, 10_000, 'notice sent');
    // Another sweep (a retry, a second instance) and more relay passes add nothing.
    await sweep(web.adapter);
    await systems[0]!.relay()!.pass();
    await sleep(500);
    expect(web.noticesFor(ticket.number)).toHaveLength(1);
    expect(web.noticesFor(ticket.number)[0]!.replies.at(-1)?.text).toContain('Reply to change it');
    expect(await noticeOf(emp)).toMatchObject({ status: 'sent', attempts: 1, kind: 'pending_incident', ticketNumber: ticket.number });
    const job = await systems[0]!.queue.getJob((await noticeOf(emp)).id);
    expect(job?.name).toBe('notice');
  });

  test('a send that fails twice is retried with backoff and delivered once', async () => {
    const web = stubWeb();
    web.fail(2);
    await startSystem(web.adapter);
    const emp = h.employee();
    await emp.say('my laptop screen is cracked');
    await sweep(web.adapter);
    const ticket = await ticketOf(emp);
    await waitFor(async () => web.noticesFor(ticket.number).length > 0, 25_000, 'notice sent after retries');
    await sleep(300);
    expect(web.calls()).toBe(3);
    expect(web.noticesFor(ticket.number)).toHaveLength(1);
    expect(await noticeOf(emp)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  }, 30_000);

  test('a crash between commit and send loses nothing: the relay and worker started afterwards deliver it', async () => {
    const web = stubWeb();
    const emp = h.employee();
    await emp.say('my laptop screen is cracked');
    // The sweep commits the ticket and the notice; no relay or worker runs (as if the process died right after).
    await sweep(web.adapter);
    const ticket = await ticketOf(emp);
    expect((await noticeOf(emp)).status).toBe('pending');
    expect(web.sent).toHaveLength(0);
    await startSystem(web.adapter);
    await waitFor(async () => web.noticesFor(ticket.number).length > 0, 10_000, 'notice sent after restart');
    expect((await noticeOf(emp)).status).toBe('sent');
  });

  test('two instances (two relays, two workers, one queue) never deliver a notice twice', async () => {
    const web = stubWeb({ delayMs: 50 });
    const emps = Array.from({ length: 6 }, () => h.employee());
    for (const emp of emps) await emp.say('my laptop screen is cracked');
    await sweep(web.adapter);
    const name = queueName();
    await Promise.all([startSystem(web.adapter, name), startSystem(web.adapter, name)]);
    const tickets = await Promise.all(emps.map(ticketOf));
    await waitFor(async () => tickets.every((t) => web.noticesFor(t.number).length > 0), 15_000, 'every notice sent');
    await Promise.all(systems.map((s) => s.relay()!.pass()));
    await sleep(500);
    for (const t of tickets) expect(web.noticesFor(t.number)).toHaveLength(1);
  }, 30_000);

  test('the same notice delivered twice at once (a job queued again after its removal) is sent once', async () => {
    const web = stubWeb({ delayMs: 300 });
    const emp = h.employee();
    await emp.say('my laptop screen is cracked');
    await sweep(web.adapter);
    const { id } = await noticeOf(emp);
    const channels = () => web.adapter;
    const results = await Promise.allSettled([deliverEmployeeNotice(h.db.prisma, channels, id), deliverEmployeeNotice(h.db.prisma, channels, id)]);
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => r.value)).toEqual(['sent']);
    expect(results.find((r) => r.status === 'rejected')?.reason.message).toContain('being delivered elsewhere');
    // The loser's retry finds it sent.
    expect(await deliverEmployeeNotice(h.db.prisma, channels, id)).toBe('already_sent');
    expect(web.sent).toHaveLength(1);
  });
});

describe('a notice whose every attempt failed', () => {
  test('stays visible: the job in the queue\'s failed set, the row marked failed with the error, an error logged', async () => {
    const web = stubWeb();
    web.fail(100);
    const logged: Array<{ msg: string; noticeId?: string }> = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => { logged.push(JSON.parse(line)); } });
    const system = testSystem(h.db.prisma, h.db.url, { ...web.adapter, channel: 'web', sent: [], texts: () => [] }, { logger });
    systems.push(system);
    const emp = h.employee();
    await emp.say('hello');
    const { id: conversationId } = await h.db.prisma.conversation.findUniqueOrThrow({ where: { channel_externalId: { channel: 'web', externalId: emp.conversationId } } });
    const id = `notice-${randomUUID()}`;
    // Queued by hand with a single attempt (the relay's jobs have eight, a couple of minutes of backoff).
    await h.db.prisma.employeeNotice.create({ data: { id, kind: 'pending_incident', conversationId, replies: [{ text: 'hello' }], status: 'queued' } });
    await system.queue.add('notice', { escalationId: '', noticeId: id, ticketNumber: null, summary: null, conversationId, reason: 'pending_incident' },
      { jobId: id, attempts: 1, removeOnFail: false });
    await system.start();
    await waitFor(async () => (await system.queue.getJob(id))?.isFailed(), 10_000, 'job failed');
    await waitFor(async () => (await h.db.prisma.employeeNotice.findUnique({ where: { id } }))?.status === 'failed', 5000, 'row marked failed');
    expect(await h.db.prisma.employeeNotice.findUnique({ where: { id } })).toMatchObject({ attempts: 1, lastError: 'Direct Line answered 502' });
    expect(logged.find((l) => l.noticeId === id)?.msg).toContain('gave up telling the employee');
  });
});

describe('without Redis the sweep delivers the notice itself', () => {
  test('a failed send stays pending and the next sweep delivers it; after the last attempt it is marked failed', async () => {
    const web = stubWeb();
    web.fail(1);
    const emp = h.employee();
    await emp.say('my laptop screen is cracked');
    const first = await sweep(web.adapter, false);
    const ticket = await ticketOf(emp);
    expect(first.find((s) => s.tickets.includes(ticket.number))?.sent).toBe(false);
    expect(await noticeOf(emp)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Direct Line answered 502' });
    await sweep(web.adapter, false);
    expect(web.noticesFor(ticket.number)).toHaveLength(1);
    expect((await noticeOf(emp)).status).toBe('sent');

    const other = h.employee();
    await other.say('my laptop screen is cracked');
    web.fail(100);
    for (let i = 0; i < 8; i += 1) await sweep(web.adapter, false);
    expect(await noticeOf(other)).toMatchObject({ status: 'failed', attempts: 8 });
    web.fail(0);
    await sweep(web.adapter, false);
    expect(web.noticesFor((await ticketOf(other)).number)).toHaveLength(0);
  });
});
