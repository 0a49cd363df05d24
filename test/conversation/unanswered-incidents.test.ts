import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChannelAdapter } from '../../src/core/adapter.js';
import type { PrismaClient } from '../../src/db/client.js';
import type { Reply } from '../../src/core/reply.js';
import { parseDialogState } from '../../src/conversation/dialog-state.js';
import { maxParkedIncidents } from '../../src/conversation/park-incident.js';
import { askForRating } from '../../src/conversation/ask-for-rating.js';
import { sweepPendingIncidents } from '../../src/conversation/sweep-pending-incidents.js';
import { createPipelineHarness, replyText, type PipelineHarness, type TestEmployee } from '../support/pipeline-harness.js';

const minutes = 30;
let h: PipelineHarness;
/** What the fake web adapter was asked to send proactively, by conversation reference. */
let sent: Reply[][] = [];

beforeAll(async () => { h = await createPipelineHarness(); });
afterAll(async () => { await h?.close(); });

const web: ChannelAdapter = { channel: 'web', send: async (_reference, replies) => { sent.push(replies); } };

/** Sweep as if `after` minutes had passed since now. */
function sweepAfter(after: number) {
  sent = [];
  return sweepPendingIncidents({
    prisma: h.db.prisma, services: () => h.services, channels: (name) => (name === 'web' ? web : undefined),
    logger: pino({ level: 'silent' }), minutes, clock: () => new Date(Date.now() + after * 60_000),
  });
}

async function conversationOf(emp: TestEmployee) {
  return h.db.prisma.conversation.findUniqueOrThrow({ where: { channel_externalId: { channel: 'web', externalId: emp.conversationId } } });
}

async function ticketsOf(emp: TestEmployee) {
  return h.db.prisma.ticket.findMany({ where: { requester: { identities: { some: { externalId: emp.id } } } }, orderBy: { number: 'asc' } });
}

describe('an incident whose impact question is never answered is still logged', () => {
  test('after PENDING_INCIDENT_MINUTES it opens at the intent\'s defaults, the employee is told on their channel, once', async () => {
    const intent = await h.db.prisma.intent.findUniqueOrThrow({ where: { name: 'hardware_fault' } });
    const emp = h.employee();
    await emp.say('my laptop screen is cracked');

    expect((await sweepAfter(minutes - 1)).map((s) => s.conversationId)).not.toContain((await conversationOf(emp)).id);
    expect(await ticketsOf(emp)).toHaveLength(0);

    const swept = await sweepAfter(minutes + 1);
    const tickets = await ticketsOf(emp);
    expect(tickets).toHaveLength(1);
    const [ticket] = tickets;
    expect([ticket!.kind, ticket!.intent, ticket!.impact, ticket!.urgency]).toEqual(['incident', 'hardware_fault', intent.defaultImpact, intent.defaultUrgency]);
    expect(ticket!.title).toBe('my laptop screen is cracked');
    const mine = swept.find((s) => s.conversationId === ticket!.conversationId);
    expect(mine?.tickets).toEqual([ticket!.number]);
    const told = sent.flat().map((r) => r.text).join('\n');
    expect(told).toContain(`I've logged ${ticket!.number} for "my laptop screen is cracked"`);
    expect(mine?.sent).toBe(true);
    // The question no longer stands (the next reply may change the impact instead), and the notice is in the transcript.
    const conversation = await conversationOf(emp);
    expect(parseDialogState(conversation.state).pending).toEqual({ type: 'change_impact', ticket: ticket!.number, intent: 'hardware_fault' });
    const outbound = await h.db.prisma.message.findMany({ where: { conversationId: conversation.id, direction: 'outbound' } });
    expect(outbound.map((m) => m.text).join('\n')).toContain(`I've logged ${ticket!.number}`);

    // A second sweep (a retry, another instance) opens nothing more.
    await sweepAfter(minutes + 2);
    expect(await ticketsOf(emp)).toHaveLength(1);
    // The employee's late answer is a new message, not a second ticket for the same problem.
    expect(sent).toEqual([]);
  });

  test('the ticket key comes from the conversation and the incident: the same incident found again opens nothing', async () => {
    const emp = h.employee();
    await emp.say('my laptop screen is cracked');
    const { id, state } = await conversationOf(emp);
    await sweepAfter(minutes + 1);
    expect(await ticketsOf(emp)).toHaveLength(1);
    // As if the sweep's state write were lost (a crash, a restored backup): the incident is waiting again.
    await h.db.prisma.$executeRaw`UPDATE "Conversation" SET "state" = ${JSON.stringify(state)}::jsonb WHERE "id" = ${id}`;
    await sweepAfter(minutes + 1);
    expect(await ticketsOf(emp)).toHaveLength(1);
    expect(sent).toEqual([]);
    expect(parseDialogState((await conversationOf(emp)).state).pending?.type).not.toBe('ask_impact');
  });

  test('"reply to change it": an answer to the impact question changes the logged ticket; anything else is a new message', async () => {
    const emp = h.employee();
    await emp.say('my laptop screen is cracked');
    await sweepAfter(minutes + 1);
    const [logged] = await ticketsOf(emp);
    const notice = sent.flat().find((r) => r.text.includes(`I've logged ${logged!.number}`));
    expect(notice?.text).toContain('Reply to change it');
    expect(notice?.choices?.map((c) => c.value)).toEqual(['many_blocked', 'me_blocked', 'workaround'].map((level) => `impact:${level}:${logged!.number}`));

    const changed = await emp.say('the whole team');
    expect(replyText(changed)).toContain(`${logged!.number} is now impact high`);
    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { id: logged!.id } });
    expect([ticket.impact, ticket.urgency]).toEqual([1, logged!.urgency]);
    expect(ticket.priority).toBeLessThan(logged!.priority);
    expect(ticket.responseDueAt.getTime()).toBeLessThan(logged!.responseDueAt.getTime());
    const events = await h.db.prisma.ticketEvent.findMany({ where: { ticketId: ticket.id, type: 'priority_changed' } });
    expect(events).toHaveLength(1);
    expect(await ticketsOf(emp)).toHaveLength(1);

    // The offer is used up: the same words now are just words.
    const other = h.employee();
    await other.say('my laptop screen is cracked');
    await sweepAfter(minutes + 1);
    // Another problem, with words that would answer the impact question: a new message, not a change.
    const next = await other.say('the vpn is down for the whole team');
    expect(next.summary.intent).toBe('vpn_problem');
    expect(replyText(next)).not.toContain('is now impact');
    const [untouched] = await ticketsOf(other);
    expect(untouched!.intent).toBe('hardware_fault');
    expect(await h.db.prisma.ticketEvent.count({ where: { ticketId: untouched!.id, type: 'priority_changed' } })).toBe(0);
  });

  test('answered just before the sweep fires: no second ticket', async () => {
    const emp = h.employee();
    await emp.say('my laptop screen is cracked');
    const answered = await emp.press('impact:me_blocked');
    expect(answered.summary.ticket).toBeDefined();
    await sweepAfter(minutes + 1);
    const tickets = await ticketsOf(emp);
    expect(tickets.map((t) => t.number)).toEqual([answered.summary.ticket]);
  });

  test('a conversation mid-turn is skipped (its row lock is held), and two sweeps at once open one ticket', async () => {
    const emp = h.employee();
    await emp.say('my laptop screen is cracked');
    const { id } = await conversationOf(emp);
    // Hold the conversation's row lock, as a turn does, while a sweep runs.
    let release!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => { locked = resolve; });
    const holding = h.db.prisma.$transaction(async (tx) => {
      await (tx as unknown as PrismaClient).$queryRaw`SELECT "id" FROM "Conversation" WHERE "id" = ${id} FOR UPDATE`;
      locked();
      await new Promise<void>((resolve) => { release = resolve; });
    }, { timeout: 60_000 });
    await isLocked;
    try {
      const swept = await sweepAfter(minutes + 1);
      expect(swept.map((s) => s.conversationId)).not.toContain(id);
      expect(await ticketsOf(emp)).toHaveLength(0);
    } finally {
      release();
      await holding;
    }
    const both = await Promise.all([sweepAfter(minutes + 1), sweepAfter(minutes + 1)]);
    expect(both.flat().filter((s) => s.conversationId === id)).toHaveLength(1);
    expect(await ticketsOf(emp)).toHaveLength(1);
  });

  test('parked incidents are logged too, each with its own ticket', async () => {
    const emp = h.employee();
    await emp.say('my laptop screen is cracked');
    const second = await emp.say('the vpn keeps disconnecting');
    expect(second.summary.intent).toBe('vpn_problem');
    const before = parseDialogState((await conversationOf(emp)).state);
    expect(before.parked?.map((p) => p.text)).toEqual(['my laptop screen is cracked']);

    await sweepAfter(minutes + 1);
    const tickets = await ticketsOf(emp);
    expect(tickets.map((t) => t.intent).sort()).toEqual(['hardware_fault', 'vpn_problem']);
    const after = parseDialogState((await conversationOf(emp)).state);
    expect(after.parked).toBeUndefined();
    expect(after.pending?.type).toBe('change_impact');
    const told = sent.flat().map((r) => r.text).join('\n');
    for (const t of tickets) expect(told).toContain(`I've logged ${t.number}`);
  });

  test('the clock of a parked incident keeps running when its question is asked again', async () => {
    const emp = h.employee();
    await emp.say('my laptop screen is cracked');
    const asked = parseDialogState((await conversationOf(emp)).state).pending;
    expect(asked?.type === 'ask_impact' && asked.since).toBeTruthy();
    const status = await emp.say('my tickets');
    expect(replyText(status)).toContain('Back to your earlier issue');
    // Parked and asked again: the same incident, first asked at the same time.
    expect(parseDialogState((await conversationOf(emp)).state).pending).toEqual(asked);
    await sweepAfter(minutes + 1);
    expect(await ticketsOf(emp)).toHaveLength(1);
  });
});

describe('an agent resolving another ticket meanwhile', () => {
  test('the rating question parks the incident waiting for its impact answer: asked again after the rating, logged if never answered', async () => {
    const emp = h.employee();
    await emp.say('my laptop screen is cracked');
    const conversation = await conversationOf(emp);
    await askForRating(h.db.prisma, conversation.id, 'INC0009999');
    const state = parseDialogState((await conversationOf(emp)).state);
    expect(state.pending).toEqual({ type: 'rating', ticket: 'INC0009999' });
    expect(state.parked?.map((p) => p.text)).toEqual(['my laptop screen is cracked']);
    const rated = await emp.say('4');
    expect(replyText(rated)).toContain('Back to your earlier issue, "my laptop screen is cracked"');

    // Never answered: the sweep still finds it.
    const other = h.employee();
    await other.say('the printer is jammed');
    await askForRating(h.db.prisma, (await conversationOf(other)).id, 'INC0009998');
    await sweepAfter(minutes + 1);
    expect((await ticketsOf(other)).map((t) => t.intent)).toEqual(['printer_problem']);
  });
});

describe('parked incidents are capped', () => {
  test(`parking one more than ${maxParkedIncidents} opens the oldest at once, and the employee is told`, async () => {
    const emp = h.employee();
    const reports = ['my laptop screen is cracked', 'the vpn keeps disconnecting', 'the printer is jammed', 'teams keeps crashing', 'not receiving emails'];
    const results = [];
    for (const text of reports) results.push(await emp.say(text));
    // Each report after the first parked the one before it.
    const expectedIntents = ['hardware_fault', 'vpn_problem', 'printer_problem', 'software_problem', 'email_problem'];
    expect(results.map((r) => r.summary.intent)).toEqual(expectedIntents);
    const tickets = await ticketsOf(emp);
    expect(tickets.map((t) => t.intent)).toEqual(['hardware_fault']);
    const last = results.at(-1)!;
    expect(replyText(last)).toContain(`I've logged ${tickets[0]!.number} for "my laptop screen is cracked"`);
    // The new report still gets its own question.
    expect(replyText(last)).toContain('how badly does it affect work');
    const state = parseDialogState((await conversationOf(emp)).state);
    expect(state.parked?.map((p) => p.text)).toEqual(reports.slice(1, 4));
    expect(state.pending?.type === 'ask_impact' && state.pending.text).toBe('not receiving emails');
  });

  test('PARKED_INCIDENTS_MAX sets the limit: with 1, parking a second logs the first at once', async () => {
    const strict = await createPipelineHarness({ maxParkedIncidents: 1 });
    try {
      const emp = strict.employee();
      await emp.say('my laptop screen is cracked');
      await emp.say('the vpn keeps disconnecting');
      expect(await strict.db.prisma.ticket.count({ where: { requester: { identities: { some: { externalId: emp.id } } } } })).toBe(0);
      const third = await emp.say('the printer is jammed');
      const tickets = await strict.db.prisma.ticket.findMany({ where: { requester: { identities: { some: { externalId: emp.id } } } } });
      expect(tickets.map((t) => t.intent)).toEqual(['hardware_fault']);
      expect(replyText(third)).toContain(`I've logged ${tickets[0]!.number} for "my laptop screen is cracked"`);
    } finally {
      await strict.close();
    }
  });
});
