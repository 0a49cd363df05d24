import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { TurnHandler } from '../../src/core/index.js';
import { startTeamsHarness, type TeamsHarness } from './helpers/teams-harness.js';

const echo: TurnHandler = {
  async handle(message) {
    return { conversationId: 'c', duplicate: false, replies: [{ text: `echo: ${message.text}` }], summary: { kind: null, intent: null, confidence: 0 } };
  },
};

let h: TeamsHarness;
let n = 0;
const activity = () => ({
  type: 'message', id: `auth-${++n}`, channelId: 'msteams', text: 'hello',
  from: { id: '29:user', name: 'Grace', aadObjectId: '0000aaaa-0000-0000-0000-000000000001' },
  recipient: { id: '28:bot', name: 'deskbot' },
  conversation: { id: `a:auth-conversation-${n}`, conversationType: 'personal', tenantId: 'tenant-1' },
});

beforeAll(async () => {
  // botbuilder reports every refused token with console.error; the assertions below say what matters.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  h = await startTeamsHarness({ turns: echo });
});
afterAll(async () => {
  await h?.close();
  vi.restoreAllMocks();
});

test('a valid channel token is accepted, the message handled and the reply sent with a connector token', async () => {
  const res = await h.post(activity());
  expect(res.status).toBe(200);
  expect(h.inbound.at(-1)?.sender.verified).toBe(true);
  const reply = h.stub.activityCalls().at(-1)!;
  expect(reply.body.text).toBe('echo: hello');
  expect(reply.authorization).toBe('Bearer stub-connector-token');
  expect(h.stub.tokenRequests[0]).toMatchObject({ grant_type: 'client_credentials', client_id: h.appId, client_secret: 'stub-secret', scope: 'https://api.botframework.com/.default' });
});

test.each([
  ['an expired token', { expiresIn: -3600 }, /expired/i],
  ['a token for another bot (wrong audience)', { audience: 'someone-else' }, /Invalid AppId/],
  ['a token from another issuer', { issuer: 'https://issuer.example.test' }, /No valid identity/],
  ['a token signed with another key (bad signature)', { foreignKey: true }, /invalid signature/],
  ['a token for another serviceUrl', { serviceUrl: 'https://smba.example.test/amer/' }, /ServiceUrl claim/],
] as const)('%s is refused with 401 and never reaches the pipeline', async (_name, mint, reason) => {
  const before = h.inbound.length;
  const calls = h.stub.activityCalls().length;
  const res = await h.post(activity(), mint);
  expect(res.status).toBe(401);
  expect(String(res.body)).toMatch(reason);
  expect(h.inbound.length).toBe(before);
  expect(h.stub.activityCalls().length).toBe(calls);
});

test('a request without an Authorization header is refused with 401', async () => {
  const res = await h.post(activity(), 'none');
  expect(res.status).toBe(401);
});

test('a message activity without an id is refused with 400 (its redelivery could not be recognised)', async () => {
  const { id: _id, ...noId } = activity() as Record<string, unknown>;
  const res = await fetch(`${h.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(noId) });
  expect(res.status).toBe(400);
});

test('a body that is not an activity is refused with 400', async () => {
  const res = await fetch(`${h.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hello: 'world' }) });
  expect(res.status).toBe(400);
});
