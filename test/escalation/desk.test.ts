import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DeskbotError } from '../../src/core/errors.js';
import { createAgent } from '../../src/agent-desk/index.js';
import type { EscalationSystem } from '../../src/escalation/index.js';
import { createPipelineHarness, type PipelineHarness } from '../support/pipeline-harness.js';
import { closeSystem, recordingAdapter, testSystem, waitFor, type RecordingAdapter } from './helpers.js';

let h: PipelineHarness;
let system: EscalationSystem;
let web: RecordingAdapter;
beforeAll(async () => {
  h = await createPipelineHarness();
  web = recordingAdapter();
  system = testSystem(h.db.prisma, h.db.url, web);
  h.services.escalate = system.escalate;
  h.services.bridge = system.bridge;
  await system.start();
});
afterAll(async () => {
  await closeSystem(system);
  await h?.close();
});

let agents = 0;
const newAgent = (groups: string[] = []) => createAgent(h.db.prisma, { name: `Agent ${++agents}`, email: `agent${agents}@example.com`, groups });

/** An employee asks for a person in the web chat; resolves once the escalation is posted. */
async function askForPerson() {
  const emp = h.employee('Grace Hopper');
  const result = await emp.say('can I talk to a human please');
  const number = result.summary.ticket!;
  expect(number).toMatch(/^(INC|REQ)\d+/);
  const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { number } });
  const escalation = await waitFor(() => h.db.prisma.escalation.findFirst({ where: { ticketId: ticket.id, status: 'posted' } }), 10_000, 'posted');
  return { emp, ticket, escalation, conversationId: result.conversationId };
}

describe('agent desk', () => {
  test('authenticate: the token works, only its hash is stored, a wrong token does not', async () => {
    const { agent, token } = await newAgent(['Access']);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await system.desk.authenticate(token)).toEqual(agent);
    expect(await system.desk.authenticate(`${token}x`)).toBeNull();
    expect(await system.desk.authenticate('')).toBeNull();
    const row = await h.db.prisma.agent.findUniqueOrThrow({ where: { id: agent.id } });
    expect(row.tokenHash).not.toContain(token);
    await expect(newAgent()).resolves.toBeDefined();
    await expect(createAgent(h.db.prisma, { name: 'Dup', email: agent.email })).rejects.toMatchObject({ code: 'bad_request' });
  });

  test('claim race: ten agents at once → one owner, the other nine see who has it', async () => {
    const { escalation, ticket } = await askForPerson();
    const team = await Promise.all(Array.from({ length: 10 }, () => newAgent()));
    const results = await Promise.all(team.map(({ agent }) => system.desk.claim(agent, escalation.id)));
    const winners = results.filter((r) => r.claimed);
    expect(winners).toHaveLength(1);
    const owner = winners[0]!.escalation.claimedBy!;
    expect(team.map((t) => t.agent.id)).toContain(owner.id);
    for (const r of results) expect(r.escalation.claimedBy).toEqual(owner);
    expect((await h.db.prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id } })).claimedById).toBe(owner.id);
    expect((await h.db.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe('in_progress');
    const loser = team.find((t) => t.agent.id !== owner.id)!.agent;
    await expect(system.desk.sendMessage(loser, escalation.id, 'hi')).rejects.toMatchObject({ code: 'forbidden' });
  });

  test('two resolves of one escalation at once: one resolves it, the other is a 409 conflict, not a 403', async () => {
    const { escalation, ticket } = await askForPerson();
    const { agent } = await newAgent();
    expect((await system.desk.claim(agent, escalation.id)).claimed).toBe(true);
    const results = await Promise.allSettled([system.desk.resolve(agent, escalation.id), system.desk.resolve(agent, escalation.id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost?.reason).toMatchObject({ code: 'conflict', status: 409 });
    expect((await h.db.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe('resolved');
  });

  test('bridge both ways, then resolve: ticket Resolved, employee told and asked for a rating', async () => {
    const { emp, escalation, ticket, conversationId } = await askForPerson();
    const { agent } = await newAgent();
    const listed = await system.desk.listOpen(agent);
    const view = listed.find((v) => v.id === escalation.id)!;
    expect(view).toMatchObject({ status: 'posted', reason: 'requested_human', ticket: { number: ticket.number }, requester: { name: 'Grace Hopper', channel: 'web' } });
    expect(view.messages.some((m) => m.author === 'employee' && m.text.includes('talk to a human'))).toBe(true);
    expect(view.messages.some((m) => m.author === 'bot')).toBe(true);

    expect((await system.desk.claim(agent, escalation.id)).claimed).toBe(true);
    await system.desk.sendMessage(agent, escalation.id, 'Hi Grace, which VPN client do you use?');
    expect(web.texts()).toContain(`${agent.name}: Hi Grace, which VPN client do you use?`);

    const bridged = await emp.say('the Cisco one, on my laptop');
    expect(bridged.replies).toEqual([]);
    const got = await system.desk.get(agent, escalation.id);
    const lines = got!.messages.map((m) => `${m.author}${m.agentName ? `(${m.agentName})` : ''}: ${m.text}`);
    expect(lines.slice(-2)).toEqual([`agent(${agent.name}): Hi Grace, which VPN client do you use?`, 'employee: the Cisco one, on my laptop']);
    expect(await h.db.prisma.escalationMessage.count({ where: { escalationId: escalation.id, author: 'employee', text: 'the Cisco one, on my laptop' } })).toBe(1);

    const sentBefore = web.sent.length;
    await system.desk.resolve(agent, escalation.id, 'reinstalled the VPN profile');
    expect((await h.db.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe('resolved');
    const rating = web.sent.slice(sentBefore).flatMap((s) => s.replies).find((r) => r.choices?.length === 5);
    expect(rating?.text).toContain(ticket.number);
    expect((await system.desk.listOpen(agent)).some((v) => v.id === escalation.id)).toBe(false);
    await expect(system.desk.sendMessage(agent, escalation.id, 'more')).rejects.toMatchObject({ code: 'conflict', status: 409 });
    // Resolving it again clashes with its state (409), it is not a malformed request (400).
    await expect(system.desk.resolve(agent, escalation.id)).rejects.toMatchObject({ code: 'conflict', status: 409 });

    // After resolution the bot talks again, and takes the rating.
    const rated = await emp.say('5');
    expect(rated.replies.length).toBeGreaterThan(0);
    expect((await h.db.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).satisfaction).toBe(5);
    expect(conversationId).toBe(escalation.conversationId);
  });

  test('the view lists the articles the bot already offered, first offered first, each once', async () => {
    const { escalation, conversationId } = await askForPerson();
    const article = (slug: string) => ({ id: slug, slug, title: slug, snippet: '' });
    const base = Date.now() + 60_000;
    for (const [i, slugs] of [['reset-vpn'], ['reset-vpn', 'vpn-client']].entries()) {
      await h.db.prisma.message.create({ data: { conversationId, direction: 'outbound', text: 'Try these', payload: { text: 'Try these', articles: slugs.map(article) }, createdAt: new Date(base + i) } });
    }
    const { agent } = await newAgent();
    const view = await system.desk.get(agent, escalation.id);
    expect(view!.articlesTried).toEqual(['reset-vpn', 'vpn-client']);
    expect(view!.messages.at(-1)).toMatchObject({ author: 'bot', text: 'Try these', at: new Date(base + 1).toISOString() });
  });

  test('release hands the escalation back to the queue for everyone', async () => {
    const { escalation } = await askForPerson();
    const [a, b] = await Promise.all([newAgent(), newAgent()]);
    expect((await system.desk.claim(a.agent, escalation.id)).claimed).toBe(true);
    await expect(system.desk.release(b.agent, escalation.id)).rejects.toMatchObject({ code: 'forbidden' });
    await system.desk.release(a.agent, escalation.id);
    expect((await system.desk.get(b.agent, escalation.id))).toMatchObject({ status: 'posted', claimedBy: null });
    expect((await system.desk.claim(b.agent, escalation.id)).claimed).toBe(true);
  });

  test('routing: an agent sees only their groups; unknown ids are not_found; empty messages refused', async () => {
    const { escalation, ticket } = await askForPerson();
    const group = ticket.assignmentGroup!;
    const other = (await newAgent(['Some Other Group'])).agent;
    const member = (await newAgent([group])).agent;
    expect((await system.desk.listOpen(other)).some((v) => v.id === escalation.id)).toBe(false);
    expect((await system.desk.listOpen(member)).some((v) => v.id === escalation.id)).toBe(true);
    expect(await system.desk.get(other, escalation.id)).toBeNull();
    await expect(system.desk.claim(other, escalation.id)).rejects.toBeInstanceOf(DeskbotError);
    await expect(system.desk.claim(member, 'no-such-id')).rejects.toMatchObject({ code: 'not_found' });
    expect((await system.desk.claim(member, escalation.id)).claimed).toBe(true);
    await expect(system.desk.sendMessage(member, escalation.id, '   ')).rejects.toMatchObject({ code: 'bad_request' });
  });

  test('setStatus: with every agent away the employee is told when to expect an answer', async () => {
    await h.db.prisma.agent.updateMany({ data: { status: 'away' } });
    const { agent } = await newAgent();
    await system.desk.setStatus(agent, 'away');
    expect((await h.db.prisma.agent.findUniqueOrThrow({ where: { id: agent.id } })).status).toBe('away');
    const before = web.sent.length;
    const { ticket, escalation } = await askForPerson();
    const notice = await waitFor(async () => web.texts().slice(before).find((t) => t.startsWith('No agent is free')), 5000, 'notice');
    expect(notice).toContain(ticket.number);
    expect((await h.db.prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id } })).noticeSentAt).not.toBeNull();
    expect(await h.db.prisma.employeeNotice.findUnique({ where: { id: `notice-unstaffed-${escalation.id}` } })).toMatchObject({ kind: 'unstaffed', status: 'sent' });
    await system.desk.setStatus(agent, 'available');
    const after = web.sent.length;
    const staffed = await askForPerson();
    await waitFor(async () => (await system.queue.getJob(staffed.escalation.id))?.isCompleted(), 5000, 'job completed');
    expect(web.texts().slice(after).some((t) => t.startsWith('No agent is free'))).toBe(false);
    expect((await h.db.prisma.escalation.findUniqueOrThrow({ where: { id: staffed.escalation.id } })).noticeSentAt).toBeNull();
    expect(await h.db.prisma.employeeNotice.findUnique({ where: { id: `notice-unstaffed-${staffed.escalation.id}` } })).toBeNull();
  });

  test('while an agent handles the conversation, an impact button still answers deskbot\'s question: no incident is left behind', async () => {
    const emp = h.employee('Ada Lovelace');
    const screen = await emp.say('my laptop screen is cracked');
    const vpn = await emp.say('the vpn keeps disconnecting');
    const valueOf = (turn: typeof screen, level: string) => turn.replies.flatMap((r) => r.choices ?? []).find((c) => c.value.startsWith(`impact:${level}:`))!.value;
    // The screen incident at P1 escalates to the agents; the VPN question is still waiting.
    const p1 = await emp.press(valueOf(screen, 'many_blocked'));
    const p1Ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { number: p1.summary.ticket! } });
    await waitFor(() => h.db.prisma.escalation.findFirst({ where: { ticketId: p1Ticket.id, status: 'posted' } }), 10_000, 'posted');
    const answered = await emp.press(valueOf(vpn, 'workaround'));
    expect(answered.summary.ticket).toBeDefined();
    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { number: answered.summary.ticket! } });
    expect([ticket.intent, ticket.impact, ticket.urgency]).toEqual(['vpn_problem', 3, 3]);
  });
});
