import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startDeskbot, type RunningDeskbot } from '../../src/app/start-deskbot.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { slackSignatureHeaders } from './support/sign.js';
import { startSlackApiStub, type SlackApiStub } from './support/slack-api-stub.js';
import { botToken, eventCallback, interaction, signingSecret, testBot } from './support/slack-harness.js';

const agentChannel = 'C0AGENTS01';
const employee = { id: 'U0ERIN0001', dm: 'D0ERIN0001' };
let db: TestDatabase;
let api: SlackApiStub;
let deskbot: RunningDeskbot;

beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  await db.prisma.$disconnect();
  api = await startSlackApiStub(testBot, {
    [employee.id]: { name: 'Erin Employee', email: 'erin@example.com' }, U0ALICE001: { name: 'Alice Agent', email: 'alice@example.com' },
  });
  deskbot = await startDeskbot(loadConfig({
    DATABASE_URL: db.url, REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent',
    ESCALATION_QUEUE: `test-slack-handover-${Date.now()}`,
    SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: api.apiUrl, SLACK_AGENT_CHANNEL: agentChannel,
  }), pino({ level: 'silent' }));
}, 120_000);
afterAll(async () => {
  await deskbot?.close();
  await api?.close();
  await db?.drop();
});

async function post(body: string, contentType = 'application/json') {
  const res = await fetch(`${deskbot.url}/slack/events`, { method: 'POST', body, headers: { 'content-type': contentType, ...slackSignatureHeaders(signingSecret, body) } });
  expect(res.status).toBe(200);
}

let n = 0;
const say = (text: string) => post(eventCallback({ type: 'message', channel: employee.dm, channel_type: 'im', user: employee.id, text, ts: `1767300000.00${++n}` }, `Ev0HAND${n}`));
const click = (ts: string, actionId: string) => post(interaction({
  type: 'block_actions', user: { id: 'U0ALICE001', team_id: testBot.team }, team: { id: testBot.team }, trigger_id: 't',
  container: { type: 'message', channel_id: agentChannel, message_ts: ts }, channel: { id: agentChannel }, message: { ts },
  actions: [{ action_id: actionId, block_id: 'deskbot:escalation', value: 'x', type: 'button', action_ts: '1' }],
}), 'application/x-www-form-urlencoded');
const toEmployee = (pattern: RegExp) => api.waitFor((calls) => calls.find((c) => c.method === 'chat.postMessage' && c.body.channel === employee.dm && pattern.test(c.body.text)), 15_000, String(pattern));

/** The Slack AgentPost once its `externalRef` (the post's ts) is stored. */
async function slackPostWithRef() {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const row = await deskbot.infrastructure.prisma.agentPost.findFirst({ where: { channel: 'slack', externalRef: { not: null } } });
    if (row) return row;
    if (Date.now() > deadline) throw new Error('timed out waiting for the Slack post\'s ts to be stored');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

test('a Slack employee asks for a person; a Slack agent claims, replies in the thread and resolves', async () => {
  await say('I want to talk to a human please');
  await toEmployee(/asked a person from the service desk/);
  const escalationPost = await api.waitFor((calls) => calls.find((c) => c.method === 'chat.postMessage' && c.body.channel === agentChannel), 15_000, 'the escalation post');
  expect(JSON.stringify(escalationPost.body.blocks)).toContain('Erin Employee');
  expect(escalationPost.body.thread_ts).toBeUndefined();
  // The post's ts is stored just after Slack answers chat.postMessage: wait for it rather than race it.
  const posted = await slackPostWithRef();
  expect(posted.externalRef).toBe(escalationPost.response?.ts);

  await click(posted.externalRef!, 'deskbot:claim');
  await toEmployee(/Alice Agent from the service desk has picked up REQ\d{7}/);
  const agent = await deskbot.infrastructure.prisma.agent.findUniqueOrThrow({ where: { email: 'alice@example.com' } });
  expect(agent.channelIds).toContain('slack:U0ALICE001');

  await post(eventCallback({
    type: 'message', channel: agentChannel, channel_type: 'channel', user: 'U0ALICE001', text: 'Hi Erin, what do you need?', ts: '1767300100.000100', thread_ts: posted.externalRef!,
  }, 'Ev0HANDAG1'));
  await toEmployee(/^Alice Agent: Hi Erin, what do you need\?$/);

  await click(posted.externalRef!, 'deskbot:resolve');
  // Matched on the rating prompt's own words: a looser pattern once matched an earlier reply's clock time ("21:5x").
  await toEmployee(/is resolved\. How did we do\? Rate us from 1 to 5/);
  const ticket = await deskbot.infrastructure.prisma.ticket.findFirstOrThrow({ where: { requester: { email: 'erin@example.com' } } });
  expect(ticket.status).toBe('resolved');
}, 60_000);
