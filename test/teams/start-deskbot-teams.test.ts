import pino from 'pino';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { startDeskbot, type RunningDeskbot } from '../../src/app/start-deskbot.js';
import { loadConfig } from '../../src/config/config.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startBotFrameworkStub, type BotFrameworkStub } from './helpers/bot-framework-stub.js';

let db: TestDatabase;
let stub: BotFrameworkStub;
let deskbot: RunningDeskbot;
const appId = 'app-start-deskbot-teams';

beforeAll(async () => {
  // botbuilder reports the refused request below with console.error.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  db = await createTestDatabase({ migrate: false });
  await db.prisma.$disconnect();
  stub = await startBotFrameworkStub();
  const config = loadConfig({
    DATABASE_URL: db.url, REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent',
    ESCALATION_QUEUE: `test-teams-${Date.now()}`, MicrosoftAppId: appId, MicrosoftAppPassword: 'stub-secret', MicrosoftAppType: 'MultiTenant',
    TEAMS_AGENT_CHANNEL: '19:agents@thread.tacv2',
    ToBotFromChannelOpenIdMetadataUrl: stub.openIdMetadataUrl, ToBotFromChannelTokenIssuer: stub.issuer, ToChannelFromBotLoginUrl: stub.loginUrl,
  });
  deskbot = await startDeskbot(config, pino({ level: 'silent' }));
}, 120_000);
afterAll(async () => {
  await deskbot?.close();
  await stub?.close();
  await db?.drop();
});

test('with MicrosoftAppId set, deskbot serves /api/messages, validates the token and answers through the connector', async () => {
  const activity = {
    type: 'message', id: '1700000000001', channelId: 'msteams', serviceUrl: stub.serviceUrl, text: 'outlook not syncing',
    from: { id: '29:u', name: 'Ada', aadObjectId: '11111111-0000-4000-8000-000000000001' }, recipient: { id: `28:${appId}`, name: 'deskbot' },
    conversation: { id: 'a:start-deskbot-chat', conversationType: 'personal', tenantId: 't' },
  };
  const unauthenticated = await fetch(`${deskbot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  expect(unauthenticated.status).toBe(401);
  const token = await stub.mintToken(appId, stub.serviceUrl);
  const res = await fetch(`${deskbot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(activity) });
  expect(res.status).toBe(200);
  expect(stub.activityCalls().some((c) => c.path.includes('/v3/conversations/a:start-deskbot-chat/activities'))).toBe(true);
  const metrics = await (await fetch(`${deskbot.url}/metrics`)).text();
  expect(metrics).toMatch(/deskbot_messages_total\{channel="teams",kind="incident"\} 1/);
});
