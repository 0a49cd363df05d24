import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi, type MockInstance } from 'vitest';
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

// botbuilder prints the tokens it refuses (a stack trace, or the signing key) to the console; deskbot must not let it.
// Every way out of the process is watched during each test: the console and stdout/stderr themselves.
let outputs: MockInstance[] = [];
const written = () => outputs.flatMap((spy) => spy.mock.calls.map((args) => `${spy.getMockName()}: ${args.map(String).join(' ').slice(0, 200)}`));

beforeAll(async () => {
  h = await startTeamsHarness({ turns: echo });
});
beforeEach(() => {
  outputs = [
    ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((m) => vi.spyOn(console, m).mockName(`console.${m}`)),
    vi.spyOn(process.stdout, 'write').mockName('stdout'),
    vi.spyOn(process.stderr, 'write').mockName('stderr'),
  ];
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  await h?.close();
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
  ['a token from another issuer', { issuer: 'https://issuer.example.test' }, /not issued by the Bot Framework channel/],
  ['a token signed with another key (bad signature)', { foreignKey: true }, /signature is invalid/],
  ['a token for another serviceUrl', { serviceUrl: 'https://smba.example.test/amer/' }, /ServiceUrl claim/],
] as const)('%s is refused with 401 and a JSON error, one warn line, nothing printed, and never reaches the pipeline', async (_name, mint, reason) => {
  const before = h.inbound.length;
  const calls = h.stub.activityCalls().length;
  const logs = h.logs.length;
  const res = await h.post(activity(), mint);
  expect(res.status).toBe(401);
  expect(res.body).toEqual({ error: { code: 'unauthorized', message: expect.stringMatching(reason) } });
  expect(h.inbound.length).toBe(before);
  expect(h.stub.activityCalls().length).toBe(calls);
  const lines = h.logs.slice(logs);
  expect(lines.map((l) => [l.level, l.message])).toEqual([['warn', 'Teams request refused (401)']]);
  expect(JSON.stringify(lines)).not.toMatch(/eyJ/); // no JWT (base64url of '{"') in the log
  expect(written()).toEqual([]);
});

test.each([
  ['no Authorization header', undefined],
  ['a header that is not a bearer token', 'Basic dXNlcjpwYXNz'],
  ['a bearer token that is not a JWT', 'Bearer not-a-jwt'],
])('%s is refused with 401 and a JSON error, nothing printed', async (_name, authorization) => {
  const before = h.inbound.length;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) };
  const res = await fetch(`${h.url}/api/messages`, { method: 'POST', headers, body: JSON.stringify({ ...activity(), serviceUrl: h.stub.serviceUrl }) });
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  expect(h.inbound.length).toBe(before);
  expect(written()).toEqual([]);
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

test('a token that cannot be checked (the OpenID configuration is unreachable) is a 500 JSON error, so the channel retries; nothing printed', async () => {
  // A port that was free a moment ago: nothing listens there.
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = probe.address() as { port: number };
      probe.close(() => resolve(p));
    });
  });
  const unreachable = await startTeamsHarness({ turns: echo, openIdMetadataUrl: `http://127.0.0.1:${port}/.well-known/openid-configuration` });
  try {
    const res = await unreachable.post(activity());
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    expect(unreachable.inbound).toHaveLength(0);
    expect(unreachable.logs.map((l) => [l.level, l.message])).toEqual([['error', 'Teams request could not be authenticated']]);
    expect(written()).toEqual([]);
  } finally {
    await unreachable.close();
  }
});
