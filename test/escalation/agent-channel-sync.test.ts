import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AgentChannel, DeskMessage, EscalationView } from '../../src/core/index.js';
import type { EscalationSystem } from '../../src/escalation/index.js';
import { createWebAgentChannel } from '../../src/escalation/index.js';
import { createPipelineHarness, type PipelineHarness } from '../support/pipeline-harness.js';
import { closeSystem, recordingAdapter, testSystem, waitFor } from './helpers.js';

/** A chat-platform agent channel that records posts, updates and relayed messages (a fake of the core interface). */
function recordingAgentChannel() {
  const posts: EscalationView[] = [];
  const updates: Array<{ ref: string; status: string; claimedBy: string | null }> = [];
  const relayed: Array<{ ref: string; message: DeskMessage }> = [];
  let failNextRelay = false;
  const channel: AgentChannel = {
    name: 'slack',
    async postEscalation(view) {
      posts.push(view);
      return { externalRef: `ts-${posts.length}` };
    },
    async updateEscalation(view, ref) {
      updates.push({ ref, status: view.status, claimedBy: view.claimedBy?.name ?? null });
    },
    async relayEmployeeMessage(_view, ref, message) {
      if (failNextRelay) {
        failNextRelay = false;
        throw new Error('platform hiccup');
      }
      relayed.push({ ref, message });
    },
  };
  return { channel, posts, updates, relayed, failRelayOnce: () => (failNextRelay = true) };
}

let h: PipelineHarness;
let system: EscalationSystem;
const slack = recordingAgentChannel();
beforeAll(async () => {
  h = await createPipelineHarness();
  const web = createWebAgentChannel();
  system = testSystem(h.db.prisma, h.db.url, recordingAdapter(), { agentChannels: () => [web, slack.channel] });
  h.services.escalate = system.escalate;
  h.services.bridge = system.bridge;
  await system.start();
});
afterAll(async () => {
  await closeSystem(system);
  await h?.close();
});

describe('chat-platform agent channels follow the escalation', () => {
  test('claim, employee messages, release and resolve reach the platform post and its thread', async () => {
    const emp = h.employee('Grace Hopper');
    const first = await emp.say('can I talk to a human please');
    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { number: first.summary.ticket! } });
    const escalation = await waitFor(() => h.db.prisma.escalation.findFirst({ where: { ticketId: ticket.id, status: 'posted' } }), 10_000, 'posted');
    expect(slack.posts.map((p) => p.id)).toContain(escalation.id);
    const ref = `ts-${slack.posts.findIndex((p) => p.id === escalation.id) + 1}`;
    expect(await system.desk.escalationIdForPost('slack', ref)).toBe(escalation.id);
    expect(await system.desk.escalationIdForPost('slack', 'ts-unknown')).toBeNull();

    const agent = await system.desk.agentForChannelUser({ channel: 'slack', externalId: 'U0AGENT1', name: 'Linus', email: 'Linus@Example.com' });
    expect(agent).toMatchObject({ name: 'Linus', email: 'linus@example.com', groups: [] });
    expect(await system.desk.agentForChannelUser({ channel: 'slack', externalId: 'U0AGENT1', name: 'Renamed' })).toEqual(agent);
    expect((await system.desk.claim(agent, escalation.id)).claimed).toBe(true);
    await waitFor(async () => slack.updates.find((u) => u.ref === ref && u.status === 'claimed' && u.claimedBy === 'Linus'), 10_000, 'claimed update');

    slack.failRelayOnce();
    await emp.say('it started after the update yesterday');
    await emp.say('and the token is sk-live-abcdefghijklmnopqrstuvwx');
    const relayed = await waitFor(async () => (slack.relayed.length >= 2 ? slack.relayed : null), 15_000, 'two relays');
    expect(relayed.map((r) => r.ref)).toEqual([ref, ref]);
    // The first relay failed once and was retried with backoff, so the two may arrive in either order.
    expect(relayed.map((r) => r.message.author)).toEqual(['employee', 'employee']);
    expect(relayed.map((r) => r.message.text).sort()).toEqual(['and the token is [redacted api_token]', 'it started after the update yesterday']);

    await system.desk.release(agent, escalation.id);
    await waitFor(async () => slack.updates.find((u) => u.status === 'posted' && u.claimedBy === null), 10_000, 'released update');
    await system.desk.claim(agent, escalation.id);
    await system.desk.resolve(agent, escalation.id, 'Reinstalled the VPN client');
    await waitFor(async () => slack.updates.find((u) => u.status === 'resolved'), 10_000, 'resolved update');
    expect(slack.relayed).toHaveLength(2);
    const marks = await h.db.prisma.escalationMessage.count({ where: { escalationId: escalation.id, relayPending: true } });
    expect(marks).toBe(0);
  });

  test('an agent already known by email is linked to their platform id, not duplicated', async () => {
    const a = await system.desk.agentForChannelUser({ channel: 'teams', externalId: 'aad-1', name: 'Kim', email: 'kim@example.com' });
    const b = await system.desk.agentForChannelUser({ channel: 'slack', externalId: 'U0KIM', name: 'Kim', email: 'kim@example.com' });
    expect(b.id).toBe(a.id);
    const row = await h.db.prisma.agent.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.channelIds.sort()).toEqual(['slack:U0KIM', 'teams:aad-1']);
    const anon = await system.desk.agentForChannelUser({ channel: 'slack', externalId: 'U0NOMAIL', name: 'No Mail' });
    expect(anon.email).toBe('u0nomail@slack.invalid');
  });
});
