import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AgentChannel } from '../../src/core/index.js';
import { createFakeAgentDesk, type FakeAgentDesk } from '../support/fake-agent-desk.js';
import { createFakeTurnHandler, type FakeTurnHandler } from '../support/fake-turn-handler.js';
import { eventCallback, formEncoded, interaction, startSlackHarness, testBot, type SlackHarness } from './support/slack-harness.js';

const agentChannel = 'C0AGENTS01';
let h: SlackHarness;
let desk: FakeAgentDesk;
let turns: FakeTurnHandler;
let agents: AgentChannel;
/** Escalation ids by the ts of their post, as the AgentPost table would hold them. */
const postsByTs = new Map<string, string>();

beforeAll(async () => {
  desk = createFakeAgentDesk();
  desk.escalationIdForPost = async (channel, ref) => (channel === 'slack' ? postsByTs.get(ref) ?? null : null);
  turns = createFakeTurnHandler();
  h = await startSlackHarness({
    turns, desk, agentChannel,
    users: { U0ALICE001: { name: 'Alice Agent', email: 'alice@example.com' }, U0CAROL001: { name: 'Carol Agent' } },
  });
  agents = h.slack.agentChannel!;
});
afterAll(async () => { await h?.close(); });

const blocksOf = (call: { body: Record<string, any> } | undefined) => JSON.stringify(call?.body.blocks ?? []);

async function clickOnPost(ts: string, actionId: string, user: string) {
  const res = await h.post(interaction({
    type: 'block_actions', user: { id: user, team_id: testBot.team }, team: { id: testBot.team }, trigger_id: 't',
    container: { type: 'message', channel_id: agentChannel, message_ts: ts }, channel: { id: agentChannel }, message: { ts },
    actions: [{ action_id: actionId, block_id: 'deskbot:escalation', value: postsByTs.get(ts), type: 'button', action_ts: '1' }],
  }), { contentType: formEncoded });
  expect(res.status).toBe(200);
  await h.slack.idle();
}

describe('the Slack agent channel', () => {
  test('postEscalation posts the escalation with a Claim button and returns its ts', async () => {
    const view = (await desk.get(desk.agents.alice, 'esc-2'))!;
    const { externalRef } = await agents.postEscalation(view, 'overdue');
    postsByTs.set(externalRef, 'esc-2');
    const post = h.api.of('chat.postMessage').find((c) => c.body.channel === agentChannel)!;
    expect(post.body.thread_ts).toBeUndefined();
    const blocks = blocksOf(post);
    expect(blocks).toContain('INC0001002');
    expect(blocks).toContain('Overdue');
    expect(blocks).toContain('Sam Sales');
    expect(blocks).toContain('&lt;script&gt;');
    expect(blocks).not.toContain('<script>');
    expect(post.body.blocks.find((b: any) => b.type === 'actions').elements.map((e: any) => [e.action_id, e.value])).toEqual([['deskbot:claim', 'esc-2']]);
  });

  test('updateEscalation rewrites the post in place: who claimed it, then resolved without buttons', async () => {
    const [ts] = [...postsByTs.keys()];
    const view = (await desk.get(desk.agents.alice, 'esc-2'))!;
    await agents.updateEscalation!({ ...view, status: 'claimed', claimedBy: { id: 'a', name: 'Alice Agent' } }, ts!);
    const claimed = h.api.of('chat.update').at(-1)!;
    expect(claimed.body).toMatchObject({ channel: agentChannel, ts });
    expect(blocksOf(claimed)).toContain('Claimed by Alice Agent');
    expect(claimed.body.blocks.find((b: any) => b.type === 'actions').elements[0].action_id).toBe('deskbot:resolve');
    await agents.updateEscalation!({ ...view, status: 'resolved', claimedBy: { id: 'a', name: 'Alice Agent' } }, ts!);
    const resolved = h.api.of('chat.update').at(-1)!;
    expect(blocksOf(resolved)).toContain('Resolved by Alice Agent');
    expect(resolved.body.blocks.some((b: any) => b.type === 'actions')).toBe(false);
  });

  test('relayEmployeeMessage is a thread reply under the post, shown as typed', async () => {
    const [ts] = [...postsByTs.keys()];
    const view = (await desk.get(desk.agents.alice, 'esc-2'))!;
    await agents.relayEmployeeMessage!(view, ts!, { author: 'employee', text: 'still down <@U123> & more', at: new Date().toISOString() });
    const reply = h.api.of('chat.postMessage').at(-1)!;
    expect(reply.body).toMatchObject({ channel: agentChannel, thread_ts: ts });
    expect(reply.body.text).toBe('*Sam Sales:* still down &lt;@U123&gt; &amp; more');
  });

  test('Claim acts as the Slack user\'s agent; a second claimer is told privately who has it', async () => {
    const [ts] = [...postsByTs.keys()];
    await clickOnPost(ts!, 'deskbot:claim', 'U0ALICE001');
    const claimed = desk.escalations.get('esc-2')!;
    expect(claimed.claimedBy).toEqual({ id: 'slack:U0ALICE001', name: 'Alice Agent' });
    await clickOnPost(ts!, 'deskbot:claim', 'U0CAROL001');
    const told = h.api.of('chat.postEphemeral').at(-1)!;
    expect(told.body).toMatchObject({ channel: agentChannel, user: 'U0CAROL001' });
    expect(told.body.text).toContain('Alice Agent already has INC0001002');
    expect(desk.escalations.get('esc-2')!.claimedBy?.name).toBe('Alice Agent');
  });

  test('a thread reply reaches the employee through the desk only from the agent who claimed it; top-level talk is nobody\'s', async () => {
    const [ts] = [...postsByTs.keys()];
    const reply = (user: string, text: string, n: string) => h.post(eventCallback({
      type: 'message', channel: agentChannel, channel_type: 'channel', user, text, ts: `1767200000.00${n}`, thread_ts: ts,
    }, `Ev0AGENT${n}`));
    await reply('U0ALICE001', 'Hi Sam, I am on it &amp; checking the <https://status.example.com|status page>', '01');
    await reply('U0CAROL001', 'me too', '02');
    await h.post(eventCallback({ type: 'message', channel: agentChannel, channel_type: 'channel', user: 'U0CAROL001', text: `<@${testBot.userId}> hello`, ts: '1767200000.0003' }, 'Ev0AGENT03'));
    await h.post(eventCallback({ type: 'app_mention', channel: agentChannel, user: 'U0CAROL001', text: `<@${testBot.userId}> hello`, ts: '1767200000.0003' }, 'Ev0AGENT04'));
    await h.slack.idle();
    expect(desk.sent).toEqual([{ agentId: 'slack:U0ALICE001', escalationId: 'esc-2', text: 'Hi Sam, I am on it & checking the status page (https://status.example.com)' }]);
    const refused = h.api.of('chat.postEphemeral').at(-1)!;
    expect(refused.body).toMatchObject({ user: 'U0CAROL001', thread_ts: ts });
    expect(refused.body.text).toContain('did not reach the employee');
    expect(turns.received).toHaveLength(0);
  });

  test('Resolve by someone else is refused privately; by the owner it resolves', async () => {
    const [ts] = [...postsByTs.keys()];
    await clickOnPost(ts!, 'deskbot:resolve', 'U0CAROL001');
    expect(desk.resolved).toHaveLength(0);
    expect(h.api.of('chat.postEphemeral').at(-1)!.body.text).toContain('Claim it first');
    await clickOnPost(ts!, 'deskbot:resolve', 'U0ALICE001');
    expect(desk.resolved).toEqual([{ agentId: 'slack:U0ALICE001', escalationId: 'esc-2' }]);
  });
});
