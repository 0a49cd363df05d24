import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { ChannelAdapter } from '../../src/core/adapter.js';
import type { Reply } from '../../src/core/reply.js';
import { createAgent } from '../../src/agent-desk/index.js';
import type { EscalationSystem } from '../../src/escalation/index.js';
import { createPipelineHarness, type PipelineHarness } from '../support/pipeline-harness.js';
import { closeSystem, queueName, testSystem, waitFor } from '../escalation/helpers.js';

let h: PipelineHarness;
let systems: EscalationSystem[] = [];
let agents = 0;

beforeAll(async () => { h = await createPipelineHarness(); });
afterEach(async () => {
  for (const s of systems) await closeSystem(s);
  systems = [];
});
afterAll(async () => { await h?.close(); });

/** What each moved notice says, to find it among the sends. */
const said = {
  unstaffed: /^No agent is free right now/,
  claim: /from the service desk has picked up/,
  release: /^Your request is back in the queue/,
  rating: /is resolved.*How did we do\?/,
};
type Kind = keyof typeof said;

/**
 * A stub web channel: records every send; `fail(kind, n)` makes the next n sends of that notice throw (other sends go
 * through); `delayMs` slows each send, so racing deliveries overlap.
 */
function stubWeb(options: { delayMs?: number } = {}) {
  const sent: Array<{ conversation: string; text: string }> = [];
  const failures = new Map<Kind, number>();
  const adapter: ChannelAdapter = {
    channel: 'web',
    async send(reference, replies: Reply[]) {
      if (options.delayMs) await sleep(options.delayMs);
      const text = replies.map((r) => r.text).join('\n');
      const kind = (Object.keys(said) as Kind[]).find((k) => said[k].test(text));
      if (kind && (failures.get(kind) ?? 0) > 0) {
        failures.set(kind, failures.get(kind)! - 1);
        throw new Error('Direct Line answered 502');
      }
      sent.push({ conversation: JSON.stringify(reference), text });
    },
  };
  return {
    adapter,
    sent,
    fail(kind: Kind, n: number) { failures.set(kind, n); },
    /** The texts sent to one employee's conversation, in order. */
    to: (conversation: string) => sent.filter((s) => s.conversation === conversation).map((s) => s.text),
    /** How many times a notice of `kind` reached that conversation. */
    count: (conversation: string, kind: Kind) => sent.filter((s) => s.conversation === conversation && said[kind].test(s.text)).length,
  };
}

/** An escalation system (relay + worker) sending to `web`; two on one queue name act as two deskbot instances. */
async function startSystem(web: ChannelAdapter, name = queueName(), runWorker = true): Promise<EscalationSystem> {
  const system = testSystem(h.db.prisma, h.db.url, { ...web, channel: 'web', sent: [], texts: () => [] }, { queueName: name, runWorker });
  systems.push(system);
  h.services.escalate = system.escalate;
  h.services.bridge = system.bridge;
  await system.start();
  return system;
}

const newAgent = async () => (await createAgent(h.db.prisma, { name: `Agent ${++agents}`, email: `notice-agent${agents}@example.com` })).agent;
const setAgents = (status: 'available' | 'away') => h.db.prisma.agent.updateMany({ data: { status } });

/** An employee asks for a person; resolves once the escalation is posted. `conversation`: the reference sends go to. */
async function askForPerson() {
  const emp = h.employee('Grace Hopper');
  await emp.say('hi');
  // The harness stores no channel reference; give each conversation its own, to tell their sends apart.
  const reference = { conversationId: emp.conversationId };
  await h.db.prisma.conversation.update({ where: { channel_externalId: { channel: 'web', externalId: emp.conversationId } }, data: { reference } });
  const result = await emp.say('can I talk to a human please');
  const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { number: result.summary.ticket! } });
  const escalation = await waitFor(() => h.db.prisma.escalation.findFirst({ where: { ticketId: ticket.id, status: 'posted' } }), 10_000, 'posted');
  return { escalation, ticket, conversation: JSON.stringify(reference) };
}

const noticesOf = (escalationId: string) =>
  h.db.prisma.employeeNotice.findMany({ where: { id: { contains: escalationId } }, orderBy: { createdAt: 'asc' } });

/** Every notice of the escalation sent, and a moment more for a duplicate to show up. */
async function allSent(escalationId: string, count: number) {
  await waitFor(async () => {
    const rows = await noticesOf(escalationId);
    return rows.length === count && rows.every((r) => r.status === 'sent');
  }, 20_000, `${count} notices of ${escalationId} sent`);
  await sleep(300);
  return noticesOf(escalationId);
}

describe('claim, release, resolve and "nobody is available" are notices in the outbox', () => {
  test('each is written with its change under a stable id, sent once, in the order the employee should read them', async () => {
    await setAgents('away');
    const web = stubWeb();
    const system = await startSystem(web.adapter);
    const { escalation, ticket, conversation } = await askForPerson();
    const agent = await newAgent();
    await system.desk.claim(agent, escalation.id);
    await system.desk.sendMessage(agent, escalation.id, 'Hi Grace');
    await system.desk.release(agent, escalation.id);
    await system.desk.claim(agent, escalation.id);
    await system.desk.resolve(agent, escalation.id, 'done');
    const rows = await allSent(escalation.id, 5);
    expect(rows.map((r) => r.id).sort()).toEqual([
      `notice-claim-${escalation.id}-1`, `notice-claim-${escalation.id}-3`, `notice-rating-${escalation.id}`,
      `notice-release-${escalation.id}-2`, `notice-unstaffed-${escalation.id}`,
    ].sort());
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    const texts = web.to(conversation);
    expect(texts.map((t) => (Object.keys(said) as Kind[]).find((k) => said[k].test(t)) ?? t)).toEqual([
      'unstaffed', 'claim', `${agent.name}: Hi Grace`, 'release', 'claim', 'rating',
    ]);
    expect(texts.at(-1)).toContain(ticket.number);
    await setAgents('available');
  });

  test('"nobody is available": a send that fails once is retried by the worker and delivered once', async () => {
    await setAgents('away');
    const web = stubWeb();
    web.fail('unstaffed', 1);
    await startSystem(web.adapter);
    const { escalation, conversation } = await askForPerson();
    const [row] = await allSent(escalation.id, 1);
    expect(row).toMatchObject({ id: `notice-unstaffed-${escalation.id}`, kind: 'unstaffed', attempts: 2, lastError: null });
    expect(web.count(conversation, 'unstaffed')).toBe(1);
    await setAgents('available');
  });

  test('no notice at all when an agent is available', async () => {
    const web = stubWeb();
    const system = await startSystem(web.adapter);
    await newAgent();
    const { escalation, conversation } = await askForPerson();
    await waitFor(async () => (await system.queue.getJob(escalation.id))?.isCompleted(), 5000, 'job completed');
    expect(await noticesOf(escalation.id)).toEqual([]);
    expect(web.to(conversation)).toEqual([]);
  });

  for (const kind of ['claim', 'release', 'rating'] as const) {
    test(`${kind}: a send that fails once is retried and delivered once`, async () => {
      const web = stubWeb();
      const system = await startSystem(web.adapter);
      const { escalation, conversation } = await askForPerson();
      const agent = await newAgent();
      web.fail(kind, 1);
      await system.desk.claim(agent, escalation.id);
      if (kind === 'release') await system.desk.release(agent, escalation.id);
      if (kind === 'rating') await system.desk.resolve(agent, escalation.id);
      const rows = await allSent(escalation.id, kind === 'claim' ? 1 : 2);
      expect(rows.find((r) => r.kind === kind)).toMatchObject({ attempts: 2, lastError: null });
      expect(web.count(conversation, kind)).toBe(1);
    });
  }

  test('the agent\'s first message waits for a "picked up" notice that failed: it is delivered first, once', async () => {
    const web = stubWeb();
    // Its own worker could retry the notice in time; without one, the message's own delivery must.
    const worker = await startSystem(web.adapter);
    const system = await startSystem(web.adapter, queueName(), false);
    const { escalation, conversation } = await askForPerson();
    await worker.stop();
    const agent = await newAgent();
    web.fail('claim', 1);
    await system.desk.claim(agent, escalation.id);
    await system.desk.sendMessage(agent, escalation.id, 'Hi Grace');
    expect(web.to(conversation)).toEqual([expect.stringMatching(said.claim), `${agent.name}: Hi Grace`]);
    await allSent(escalation.id, 1);
    expect(web.count(conversation, 'claim')).toBe(1);
  });

  test('while the channel keeps failing the agent\'s message is refused rather than sent ahead of the notice', async () => {
    const web = stubWeb();
    const system = await startSystem(web.adapter);
    const { escalation, conversation } = await askForPerson();
    const agent = await newAgent();
    web.fail('claim', 100);
    await system.desk.claim(agent, escalation.id);
    await expect(system.desk.sendMessage(agent, escalation.id, 'Hi Grace')).rejects.toThrow('Direct Line answered 502');
    expect(web.to(conversation)).toEqual([]);
    web.fail('claim', 0);
    await system.desk.sendMessage(agent, escalation.id, 'Hi Grace');
    expect(web.to(conversation)).toEqual([expect.stringMatching(said.claim), `${agent.name}: Hi Grace`]);
  });
});

describe('two instances (two relays, two workers, one queue)', () => {
  test('every notice of every escalation is delivered once, also when its first send failed', async () => {
    await setAgents('away');
    const web = stubWeb({ delayMs: 30 });
    const name = queueName();
    const [a, b] = await Promise.all([startSystem(web.adapter, name), startSystem(web.adapter, name)]);
    const cases = [];
    for (let i = 0; i < 4; i += 1) cases.push(await askForPerson());
    const agent = await newAgent();
    web.fail('claim', 2);
    web.fail('release', 2);
    web.fail('rating', 2);
    await Promise.all(cases.map(async ({ escalation }, i) => {
      const desk = (i % 2 ? a : b).desk;
      const other = (i % 2 ? b : a).desk;
      await desk.claim(agent, escalation.id);
      await other.release(agent, escalation.id);
      await desk.claim(agent, escalation.id);
      await other.resolve(agent, escalation.id);
    }));
    for (const { escalation, conversation } of cases) {
      await allSent(escalation.id, 5);
      expect([web.count(conversation, 'unstaffed'), web.count(conversation, 'claim'), web.count(conversation, 'release'), web.count(conversation, 'rating')])
        .toEqual([1, 2, 1, 1]);
    }
    await setAgents('available');
  }, 40_000);
});
