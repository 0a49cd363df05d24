import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { registerTeamsChannel } from '../../adapters/teams/index.js';
import { createHttpServer } from '../../src/http/create-http-server.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createInboundEventLog } from '../../src/conversation/inbound-event-log.js';
import pino from 'pino';
import type { PipelineHarness } from '../support/pipeline-harness.js';
import { startTeamsOnPipeline, type TeamsHarness } from './helpers/teams-harness.js';

let pipeline: PipelineHarness;
let h: TeamsHarness;
let close: (() => Promise<void>) | undefined;
const tenantId = 'tenant-employee-flow';

beforeAll(async () => {
  ({ pipeline, teams: h, close } = await startTeamsOnPipeline());
}, 120_000);
afterAll(async () => {
  await close?.();
});

/** A personal-chat message from a fresh employee (unique ids), as Teams sends it. */
function personalMessage(text: string, user = newUser(), conversationId = `a:${randomUUID()}`) {
  return {
    type: 'message', id: String(Date.now()) + Math.floor(Math.random() * 1000), channelId: 'msteams', text,
    from: user, recipient: { id: '28:deskbot-bot', name: 'IT Desk' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}
function newUser() {
  const aad = randomUUID();
  return { id: `29:${aad}`, name: 'Lin Example', aadObjectId: aad };
}
const postsTo = (conversationId: string) => h.stub.activityCalls().filter((c) => c.method === 'POST' && c.path.includes(`/v3/conversations/${conversationId}/`));

test('an incident is answered with an Adaptive Card carrying the ticket, and a resent activity opens no second ticket', async () => {
  const activity = personalMessage('wifi is down for the whole floor, nobody can work, urgent');
  expect((await h.post(activity)).status).toBe(200);
  const replies = postsTo(activity.conversation.id);
  expect(replies.length).toBeGreaterThan(0);
  const card = JSON.stringify(replies.map((r) => r.body.attachments));
  expect(card).toContain('application/vnd.microsoft.card.adaptive');
  expect(card).toMatch(/INC\d+/);
  expect(card).toContain('Response due');
  const tickets = () => pipeline.db.prisma.ticket.count({ where: { conversation: { externalId: activity.conversation.id } } });
  expect(await tickets()).toBe(1);

  // Teams resends an activity it got no timely answer for: twice, at the same time.
  const again = await Promise.all([h.post(activity), h.post(activity)]);
  expect(again.map((r) => r.status)).toEqual([200, 200]);
  expect(postsTo(activity.conversation.id)).toHaveLength(replies.length);
  expect(await tickets()).toBe(1);
});

test('the conversation reference is stored, and a proactive message reaches the employee through a new adapter (after a restart)', async () => {
  const activity = personalMessage('outlook not syncing');
  await h.post(activity);
  const conversation = await pipeline.db.prisma.conversation.findUniqueOrThrow({ where: { channel_externalId: { channel: 'teams', externalId: activity.conversation.id } } });
  const reference = conversation.reference as Record<string, unknown>;
  expect(reference).toMatchObject({ serviceUrl: h.stub.serviceUrl, conversation: { id: activity.conversation.id }, user: { id: activity.from.id } });

  const app = createHttpServer({ logger: pino({ level: 'silent' }), metrics: createMetrics() });
  const restarted = await registerTeamsChannel(app, {
    turns: { handle: (m) => pipeline.handle(m) },
    credentials: { appId: h.appId, appPassword: 'stub-secret' },
    deliveries: createInboundEventLog(pipeline.db.prisma),
    endpoints: { toBotFromChannelOpenIdMetadataUrl: h.stub.openIdMetadataUrl, toBotFromChannelTokenIssuer: h.stub.issuer, toChannelFromBotLoginUrl: h.stub.loginUrl },
    logger: pino({ level: 'silent' }),
  });
  await restarted.adapter.send(reference, [{ text: 'Alice from the service desk: I am on it', format: 'plain' }]);
  await app.close();
  const sent = postsTo(activity.conversation.id).at(-1)!;
  expect(sent.rawPath).toBe(`/amer/v3/conversations/${encodeURIComponent(activity.conversation.id)}/activities`);
  expect(sent.body).toMatchObject({ text: 'Alice from the service desk: I am on it', textFormat: 'plain' });
  expect(sent.authorization).toBe('Bearer stub-connector-token');
});

test('a 429 with Retry-After and a 503 from the connector are retried; a 403 fails the send', async () => {
  const activity = personalMessage('printer on floor 2 is jammed');
  await h.post(activity);
  const conversation = await pipeline.db.prisma.conversation.findUniqueOrThrow({ where: { channel_externalId: { channel: 'teams', externalId: activity.conversation.id } } });
  const reference = conversation.reference as Record<string, unknown>;
  const before = postsTo(activity.conversation.id).length;
  h.stub.faults.push({ method: 'POST', pathPrefix: activity.conversation.id, status: 429, retryAfterSeconds: 1, times: 1 });
  h.stub.faults.push({ method: 'POST', pathPrefix: activity.conversation.id, status: 503, times: 1 });
  await h.teams.adapter.send(reference, [{ text: 'Your ticket was updated.' }]);
  expect(postsTo(activity.conversation.id).length - before).toBe(3);

  h.stub.faults.push({ method: 'POST', pathPrefix: activity.conversation.id, status: 403, times: 1 });
  await expect(h.teams.adapter.send(reference, [{ text: 'refused' }])).rejects.toMatchObject({ code: 'channel_send_failed' });
}, 60_000);

test('a Teams user whose member profile has the email of a known employee is that employee', async () => {
  const email = `kim.${randomUUID().slice(0, 8)}@example.com`;
  const known = await pipeline.db.prisma.employee.create({ data: { email, displayName: 'Kim Example', verified: true } });
  const user = newUser();
  h.stub.members.set(user.id, { id: user.id, name: user.name, aadObjectId: user.aadObjectId, email, userPrincipalName: email });
  await h.post(personalMessage('my tickets', user));
  const identity = await pipeline.db.prisma.channelIdentity.findFirstOrThrow({ where: { channel: 'teams', externalId: user.aadObjectId } });
  expect(identity).toMatchObject({ employeeId: known.id, tenant: tenantId });
});

test('a Teams user without a shared email gets an employee of their own, keyed by AAD object id', async () => {
  const user = newUser();
  await h.post(personalMessage('hello', user));
  const identity = await pipeline.db.prisma.channelIdentity.findFirstOrThrow({ where: { channel: 'teams', externalId: user.aadObjectId }, include: { employee: true } });
  expect(identity.employee).toMatchObject({ displayName: 'Lin Example', email: null, verified: true });
});
