import { afterAll, beforeAll, expect, test } from 'vitest';
import { createInboundEventLog } from '../../src/conversation/inbound-event-log.js';
import { createFakeAgentDesk, type FakeAgentDesk } from '../support/fake-agent-desk.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { createFakeTurnHandler } from '../support/fake-turn-handler.js';
import { eventCallback, startSlackHarness, type SlackHarness, type SlackHarnessOptions } from './support/slack-harness.js';

// Two deskbot instances behind one load balancer share the database, not their memory: an agent's thread reply that
// Slack delivers to both (a retry after a slow ack, a redelivery after a restart) must reach the employee once.
const agentChannel = 'C0AGENTS02';
const postTs = '1767300000.000100';
let db: TestDatabase;
let desk: FakeAgentDesk;
const running: SlackHarness[] = [];

async function instance(): Promise<SlackHarness> {
  const options: SlackHarnessOptions = {
    turns: createFakeTurnHandler(), desk, agentChannel, deliveries: createInboundEventLog(db.prisma),
    users: { U0ALICE001: { name: 'Alice Agent', email: 'alice@example.com' } },
  };
  const h = await startSlackHarness(options);
  running.push(h);
  return h;
}

beforeAll(async () => {
  db = await createTestDatabase();
  desk = createFakeAgentDesk();
  desk.escalationIdForPost = async (channel, ref) => (channel === 'slack' && ref === postTs ? 'esc-2' : null);
  const alice = await desk.agentForChannelUser({ channel: 'slack', externalId: 'U0ALICE001', name: 'Alice Agent' });
  expect((await desk.claim(alice, 'esc-2')).claimed).toBe(true);
});
afterAll(async () => {
  for (const h of running) await h.close();
  await db?.drop();
});

const reply = (ts: string, text: string, eventId: string) => eventCallback({
  type: 'message', channel: agentChannel, channel_type: 'channel', user: 'U0ALICE001', text, ts, thread_ts: postTs,
}, eventId);

async function deliver(h: SlackHarness, body: string, retryNum?: number): Promise<void> {
  const res = await h.post(body, retryNum ? { headers: { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' } } : {});
  expect(res.status).toBe(200);
  await h.slack.idle();
}

test('a thread reply delivered to one instance and retried to another is relayed once', async () => {
  const [a, b] = [await instance(), await instance()];
  const body = reply('1767300000.000201', 'Hi Sam, rebooting the VPN gateway now', 'Ev0DEDUPE01');
  await deliver(a, body);
  await deliver(b, body, 1);
  await deliver(b, body, 2);
  expect(desk.sent).toEqual([{ agentId: 'slack:U0ALICE001', escalationId: 'esc-2', text: 'Hi Sam, rebooting the VPN gateway now' }]);
});

test('the same post delivered at once to two instances is relayed once', async () => {
  const [a, b] = running;
  const body = reply('1767300000.000202', 'It should be back in a minute', 'Ev0DEDUPE02');
  const before = desk.sent.length;
  await Promise.all([deliver(a!, body), deliver(b!, body)]);
  expect(desk.sent.slice(before).map((s) => s.text)).toEqual(['It should be back in a minute']);
});

test('a redelivery after a restart is not relayed again; a new reply still is', async () => {
  const first = running.shift()!;
  await first.close();
  const restarted = await instance();
  const before = desk.sent.length;
  await deliver(restarted, reply('1767300000.000201', 'Hi Sam, rebooting the VPN gateway now', 'Ev0DEDUPE01'), 3);
  await deliver(restarted, reply('1767300000.000203', 'Done, please try again', 'Ev0DEDUPE03'));
  expect(desk.sent.slice(before).map((s) => s.text)).toEqual(['Done, please try again']);
});
