import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AgentChannel } from '../../src/core/index.js';
import { createEscalationSystem, type EscalationSystem } from '../../src/escalation/index.js';
import { createInboundEventLog } from '../../src/conversation/inbound-event-log.js';
import { closeSystem, queueName, redisUrl, silent, waitFor } from '../escalation/helpers.js';
import { createPipelineHarness, type PipelineHarness } from '../support/pipeline-harness.js';
import { startTeamsHarness, type TeamsHarness } from './helpers/teams-harness.js';

const agentChannelId = '19:agentchannelfixture0001@thread.tacv2';
const tenantId = 'tenant-agent-channel';
const bot = { id: '28:deskbot-bot', name: 'IT Desk' };
const employee = { id: '29:employee-sam', name: 'Sam Example', aadObjectId: randomUUID() };
const employeeChat = `a:${randomUUID()}`;
const alice = { id: '29:agent-alice', name: 'Alice Agent', aadObjectId: randomUUID() };
const bob = { id: '29:agent-bob', name: 'Bob Agent', aadObjectId: randomUUID() };

let h: PipelineHarness;
let system: EscalationSystem;
let teams: TeamsHarness;
/** A second deskbot instance on the same database (behind the same load balancer): it shares no memory with `teams`. */
let other: TeamsHarness;
const agentChannels: AgentChannel[] = [];
let seq = 0;

beforeAll(async () => {
  h = await createPipelineHarness();
  system = createEscalationSystem({
    prisma: h.db.prisma, redisUrl, databaseUrl: h.db.url, logger: silent, queueName: queueName(), pollMs: 50,
    channels: (c) => (c === 'teams' ? teams.teams.adapter : undefined), agentChannels: () => agentChannels,
  });
  h.services.escalate = system.escalate;
  h.services.bridge = system.bridge;
  teams = await startTeamsHarness({ turns: { handle: (m) => h.handle(m) }, desk: system.desk, agentChannelId, deliveries: createInboundEventLog(h.db.prisma) });
  other = await startTeamsHarness({ turns: { handle: (m) => h.handle(m) }, desk: system.desk, agentChannelId, deliveries: createInboundEventLog(h.db.prisma) });
  agentChannels.push(teams.teams.agentChannel!);
  teams.stub.members.set(alice.id, { ...alice, email: 'alice@example.com', userPrincipalName: 'alice@example.com' });
  await system.start();
}, 120_000);
afterAll(async () => {
  await closeSystem(system);
  await teams?.close();
  await other?.close();
  await h?.close();
});

const activity = (fields: Record<string, unknown>) => ({
  id: `1900000000${String(++seq).padStart(3, '0')}`, channelId: 'msteams', recipient: bot, channelData: { tenant: { id: tenantId } }, ...fields,
});
const inThread = (ref: string) => ({ id: `${agentChannelId};messageid=${ref}`, isGroup: true, conversationType: 'channel', tenantId });
const posts = (conversationId: string, method = 'POST') => teams.stub.activityCalls().filter((c) => c.method === method && c.path.includes(`/v3/conversations/${conversationId}/`));

let escalationId = '';
let ref = '';

test('an escalation from a Teams employee is posted as a card with a Claim button to the agent channel', async () => {
  await teams.post(activity({ type: 'message', text: 'can I talk to a human please', from: employee, conversation: { id: employeeChat, conversationType: 'personal', tenantId } }));
  const post = await waitFor(async () => posts(agentChannelId)[0], 10_000, 'escalation card');
  expect(post.rawPath).toBe(`/amer/v3/conversations/${encodeURIComponent(agentChannelId)}/activities`);
  const card = JSON.stringify(post.body.attachments);
  expect(card).toMatch(/(INC|REQ)\d+/);
  expect(card).toContain('Sam Example');
  expect(card).toContain('"verb":"claim"');
  const row = await waitFor(() => h.db.prisma.agentPost.findFirst({ where: { channel: 'teams', externalRef: { not: null } } }), 10_000, 'agent post');
  escalationId = row.escalationId;
  ref = row.externalRef!;
});

test('Claim (Action.Execute) makes the clicking Teams user the owner, linked by email, and answers with the updated card', async () => {
  const res = await teams.post(activity({
    type: 'invoke', name: 'adaptiveCard/action', id: `f:${randomUUID()}`, from: alice, conversation: inThread(ref), replyToId: ref,
    value: { action: { type: 'Action.Execute', verb: 'claim', data: { escalationId, command: 'claim' } }, trigger: 'manual' },
  }));
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  expect(JSON.stringify(res.body)).toContain('Claimed by Alice Agent');
  expect(JSON.stringify(res.body)).toContain('"verb":"resolve"');
  const escalation = await h.db.prisma.escalation.findUniqueOrThrow({ where: { id: escalationId }, include: { claimedBy: true } });
  expect(escalation.claimedBy).toMatchObject({ email: 'alice@example.com', channelIds: [`teams:${alice.aadObjectId}`] });
});

test("the owner's reply in the card's thread reaches the employee's Teams chat once, even when Teams resends it to another instance", async () => {
  const reply = activity({ type: 'message', text: `<at>IT Desk</at> Hi Sam, I'm on it`, entities: [{ type: 'mention', text: '<at>IT Desk</at>', mentioned: bot }], from: alice, conversation: inThread(ref) });
  await teams.post(reply);
  await teams.post(reply);
  expect((await other.post(reply)).status).toBe(200);
  expect(other.logs.filter((l) => l.level === 'error')).toEqual([]);
  const toEmployee = posts(employeeChat).filter((c) => c.body.text === "Alice Agent: Hi Sam, I'm on it");
  expect(toEmployee).toHaveLength(1);
  expect(toEmployee[0]!.body.textFormat).toBe('plain');
});

test('a reply by an agent who does not own the escalation is refused in the thread and not relayed', async () => {
  const before = posts(employeeChat).length;
  await teams.post(activity({ type: 'message', text: 'let me take over', from: bob, conversation: inThread(ref) }));
  expect(posts(employeeChat).length).toBe(before);
  const refusal = posts(`${agentChannelId};messageid=${ref}`).at(-1)!;
  expect(refusal.rawPath).toBe(`/amer/v3/conversations/${encodeURIComponent(`${agentChannelId};messageid=${ref}`)}/activities/${ref}`);
  expect(String(refusal.body.text)).toContain('Only the agent who claimed');
});

test('relayEmployeeMessage replies in the thread; updateEscalation replaces the card in place', async () => {
  const [view] = await system.desk.listOpen((await system.desk.agentForChannelUser({ channel: 'teams', externalId: alice.aadObjectId, name: alice.name })));
  const channel = teams.teams.agentChannel!;
  await channel.relayEmployeeMessage!(view!, ref, { author: 'employee', text: 'thanks, it is still down', at: new Date().toISOString() });
  const relayed = posts(`${agentChannelId};messageid=${ref}`).at(-1)!;
  expect(relayed.body).toMatchObject({ text: 'Sam Example: thanks, it is still down', textFormat: 'plain' });
  await channel.updateEscalation!(view!, ref);
  const update = teams.stub.calls.filter((c) => c.method === 'PUT').at(-1)!;
  expect(update.rawPath).toBe(`/amer/v3/conversations/${encodeURIComponent(agentChannelId)}/activities/${ref}`);
  expect(JSON.stringify(update.body.attachments)).toContain('Claimed by Alice Agent');
});

test('Resolve (Action.Submit) resolves the ticket, updates the card and tells the employee in Teams', async () => {
  const before = posts(employeeChat).length;
  await teams.post(activity({ type: 'message', id: `f:${randomUUID()}`, from: alice, conversation: inThread(ref), replyToId: ref, value: { escalationId, command: 'resolve' } }));
  expect((await h.db.prisma.escalation.findUniqueOrThrow({ where: { id: escalationId } })).status).toBe('resolved');
  const update = teams.stub.calls.filter((c) => c.method === 'PUT').at(-1)!;
  expect(JSON.stringify(update.body.attachments)).toContain('Resolved by Alice Agent');
  expect(JSON.stringify(update.body.attachments)).not.toContain('"verb"');
  expect(posts(employeeChat).length).toBeGreaterThan(before);
});

test('nothing said in the agent channel ever became an employee conversation', async () => {
  expect(teams.inbound.every((m) => m.conversation.externalId === employeeChat)).toBe(true);
  expect(await h.db.prisma.conversation.count({ where: { channel: 'teams', externalId: { startsWith: agentChannelId } } })).toBe(0);
});

test('a welcome (bot added to a chat) resent to the other instance is posted once across both', async () => {
  const chat = `a:${randomUUID()}`;
  const added = activity({
    type: 'conversationUpdate', from: employee, membersAdded: [{ id: bot.id, name: bot.name }], conversation: { id: chat, conversationType: 'personal', tenantId },
  });
  expect((await teams.post(added)).status).toBe(200);
  expect((await other.post(added)).status).toBe(200);
  const welcomes = [teams, other].flatMap((t) => t.stub.activityCalls().filter((c) => c.path.includes(`/v3/conversations/${chat}/`)));
  expect(welcomes).toHaveLength(1);
  expect(String(welcomes[0]!.body.text)).toContain("I'm deskbot");
});
