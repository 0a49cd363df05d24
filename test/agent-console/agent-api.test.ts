import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startAgentServer, type AgentServer } from './start-agent-server.js';

let server: AgentServer;
beforeEach(async () => { server = await startAgentServer(); });
afterEach(async () => { await server.close(); });

type Method = 'GET' | 'POST';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function call(method: Method, url: string, token?: string, body?: unknown) {
  const res = await server.app.inject({
    method, url,
    headers: token ? bearer(token) : {},
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}
const alice = () => server.desk.tokens.alice;
const bob = () => server.desk.tokens.bob;

const routes: [Method, string, unknown?][] = [
  ['GET', '/api/agent/me'],
  ['POST', '/api/agent/status', { status: 'away' }],
  ['GET', '/api/agent/escalations'],
  ['GET', '/api/agent/escalations/esc-1'],
  ['POST', '/api/agent/escalations/esc-1/claim', {}],
  ['POST', '/api/agent/escalations/esc-1/messages', { text: 'hello' }],
  ['POST', '/api/agent/escalations/esc-1/resolve', {}],
  ['POST', '/api/agent/escalations/esc-1/release', {}],
];

describe('authentication', () => {
  test.each(routes)('%s %s refuses a caller without a token, with a bad one, or with a malformed header', async (method, url, body) => {
    for (const headers of [{}, bearer('not-a-token'), { authorization: 'Basic YWxpY2U6eA==' }, { authorization: 'Bearer' }]) {
      const res = await server.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    }
    expect(server.desk.sent).toEqual([]);
    expect(server.desk.escalations.get('esc-1')!.claimedBy).toBeNull();
    expect(server.desk.agents.alice.status).toBe('available');
  });

  test('a known token identifies its agent', async () => {
    const res = await call('GET', '/api/agent/me', bob());
    expect(res.status).toBe(200);
    expect(res.body.agent).toMatchObject({ id: 'agent-bob', name: 'Bob Agent', groups: ['Hardware'], status: 'away' });
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

test('availability: set, read back, and only the two known values', async () => {
  expect((await call('POST', '/api/agent/status', alice(), { status: 'away' })).body.agent.status).toBe('away');
  expect(server.desk.agents.alice.status).toBe('away');
  expect((await call('GET', '/api/agent/me', alice())).body.agent.status).toBe('away');
  const bad = await call('POST', '/api/agent/status', alice(), { status: 'busy' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.code).toBe('bad_request');
  expect(server.desk.agents.alice.status).toBe('away');
});

test('open escalations: newest first with ids, limited to the agent\'s groups', async () => {
  const mine = await call('GET', '/api/agent/escalations', alice());
  expect(mine.status).toBe(200);
  expect(mine.body.escalations.map((e: { id: string }) => e.id)).toEqual(['esc-2', 'esc-1']);
  expect(mine.body.escalations[0].ticket).toMatchObject({ number: 'INC0001002', priority: 1 });
  const hers = await call('GET', '/api/agent/escalations', bob());
  expect(hers.body.escalations.map((e: { id: string }) => e.id)).toEqual(['esc-1']);
});

test('one escalation, 404 when unknown, 400 for an id that cannot be one', async () => {
  const one = await call('GET', '/api/agent/escalations/esc-1', alice());
  expect(one.status).toBe(200);
  expect(one.body.escalation.messages[0]).toMatchObject({ author: 'employee', text: 'Outlook crashes every time I open it' });
  const missing = await call('GET', '/api/agent/escalations/esc-404', alice());
  expect(missing.status).toBe(404);
  expect(missing.body.error.code).toBe('not_found');
  expect((await call('GET', '/api/agent/escalations/a%20b', alice())).status).toBe(400);
  expect((await call('POST', '/api/agent/escalations/esc-404/claim', alice(), {})).status).toBe(404);
});

describe('claim', () => {
  test('the winner gets 200, the loser 409 naming who has it', async () => {
    const won = await call('POST', '/api/agent/escalations/esc-1/claim', alice(), {});
    expect(won.status).toBe(200);
    expect(won.body).toMatchObject({ claimed: true, escalation: { id: 'esc-1', claimedBy: { id: 'agent-alice' } } });
    const lost = await call('POST', '/api/agent/escalations/esc-1/claim', bob(), {});
    expect(lost.status).toBe(409);
    expect(lost.body).toMatchObject({
      error: { code: 'already_claimed', message: 'Alice Agent has already claimed this escalation.' },
      claimed: false,
      escalation: { id: 'esc-1', claimedBy: { id: 'agent-alice', name: 'Alice Agent' } },
    });
    // Claiming again what you already own is not a conflict.
    expect((await call('POST', '/api/agent/escalations/esc-1/claim', alice(), {})).status).toBe(200);
  });

  test('two agents at once: exactly one owner, the other agent\'s calls all see who has it', async () => {
    const tokens = [alice(), bob(), alice(), bob()];
    const results = await Promise.all(tokens.map((t) => call('POST', '/api/agent/escalations/esc-1/claim', t)));
    const owner = server.desk.escalations.get('esc-1')!.claimedBy!.id;
    const ownerToken = owner === 'agent-alice' ? alice() : bob();
    expect(results.map((r) => r.status)).toEqual(tokens.map((t) => (t === ownerToken ? 200 : 409)));
    expect(results.every((r) => r.body.escalation.claimedBy.id === owner)).toBe(true);
  });
});

describe('messages', () => {
  test('the owner\'s text is relayed; trimmed', async () => {
    await call('POST', '/api/agent/escalations/esc-1/claim', alice(), {});
    const res = await call('POST', '/api/agent/escalations/esc-1/messages', alice(), { text: '  Hi Erin, I am looking at it now.  ' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(server.desk.sent).toEqual([{ agentId: 'agent-alice', escalationId: 'esc-1', text: 'Hi Erin, I am looking at it now.' }]);
  });

  test('empty, blank, too long, missing or malformed bodies are 400 and nothing is sent', async () => {
    await call('POST', '/api/agent/escalations/esc-1/claim', alice(), {});
    const url = '/api/agent/escalations/esc-1/messages';
    for (const body of [{ text: '' }, { text: '   \n ' }, { text: 'x'.repeat(4001) }, {}, { text: 42 }]) {
      const res = await call('POST', url, alice(), body);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    const junk = await server.app.inject({ method: 'POST', url, headers: { ...bearer(alice()), 'content-type': 'application/json' }, payload: '{"text":' });
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.code).toBe('bad_request');
    expect(server.desk.sent).toEqual([]);
    expect((await call('POST', url, alice(), { text: 'x'.repeat(4000) })).status).toBe(200);
  });

  test('someone who does not own it gets 403', async () => {
    await call('POST', '/api/agent/escalations/esc-1/claim', alice(), {});
    const res = await call('POST', '/api/agent/escalations/esc-1/messages', bob(), { text: 'me too' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(server.desk.sent).toEqual([]);
  });
});

test('resolve: only the owner, with an optional note; the escalation leaves the open list', async () => {
  await call('POST', '/api/agent/escalations/esc-1/claim', alice(), {});
  expect((await call('POST', '/api/agent/escalations/esc-1/resolve', bob(), {})).status).toBe(403);
  const res = await call('POST', '/api/agent/escalations/esc-1/resolve', alice(), { note: 'Repaired the Office install.' });
  expect(res.status).toBe(200);
  expect(server.desk.resolved).toEqual([{ agentId: 'agent-alice', escalationId: 'esc-1', note: 'Repaired the Office install.' }]);
  const open = await call('GET', '/api/agent/escalations', alice());
  expect(open.body.escalations.map((e: { id: string }) => e.id)).toEqual(['esc-2']);
  const again = await call('POST', '/api/agent/escalations/esc-1/resolve', alice(), {});
  expect(again.status).toBe(409);
  expect(again.body.error.code).toBe('conflict');
  expect((await call('POST', '/api/agent/escalations/esc-2/resolve', alice(), { note: 5 })).status).toBe(400);
});

test('resolve without a body at all', async () => {
  await call('POST', '/api/agent/escalations/esc-2/claim', alice(), {});
  const res = await server.app.inject({ method: 'POST', url: '/api/agent/escalations/esc-2/resolve', headers: bearer(alice()) });
  expect(res.statusCode).toBe(200);
  expect(server.desk.resolved).toEqual([{ agentId: 'agent-alice', escalationId: 'esc-2' }]);
});

test('release hands it back: another agent can then claim it', async () => {
  await call('POST', '/api/agent/escalations/esc-1/claim', alice(), {});
  expect((await call('POST', '/api/agent/escalations/esc-1/release', bob(), {})).status).toBe(403);
  expect((await call('POST', '/api/agent/escalations/esc-1/release', alice(), {})).status).toBe(200);
  expect(server.desk.released).toEqual([{ agentId: 'agent-alice', escalationId: 'esc-1' }]);
  const claimed = await call('POST', '/api/agent/escalations/esc-1/claim', bob(), {});
  expect(claimed.status).toBe(200);
  expect(claimed.body.escalation.claimedBy.id).toBe('agent-bob');
});

test('the console page is served with a strict CSP, its script and stylesheet from this origin', async () => {
  const page = await server.app.inject({ method: 'GET', url: '/agent' });
  expect(page.statusCode).toBe(200);
  expect(page.headers['content-type']).toContain('text/html');
  const csp = String(page.headers['content-security-policy']);
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(page.body).toContain('<script src="/agent/console.js"></script>');
  const script = await server.app.inject({ method: 'GET', url: '/agent/console.js' });
  expect(script.headers['content-type']).toContain('text/javascript');
  // The console holds no credential script could steal: an HttpOnly cookie and a CSRF token only.
  expect(script.body).not.toMatch(/sessionStorage|localStorage|authorization/i);
  expect(script.body).toContain('x-csrf-token');
  expect(script.body).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  expect((await server.app.inject({ method: 'GET', url: '/agent/console.css' })).headers['content-type']).toContain('text/css');
});

test('console sessions: the pasted token becomes an HttpOnly SameSite=Strict cookie; changes need the CSRF token', async () => {
  const { desk } = server;
  const bad = await server.app.inject({ method: 'POST', url: '/api/agent/session', payload: { token: 'nope' } });
  expect(bad.statusCode).toBe(401);
  const signIn = await server.app.inject({ method: 'POST', url: '/api/agent/session', payload: { token: desk.tokens.alice } });
  expect(signIn.statusCode).toBe(200);
  const { principal, csrfToken } = signIn.json() as { principal: { id: string }; csrfToken: string };
  expect(principal.id).toBe(desk.agents.alice.id);
  const setCookie = String(signIn.headers['set-cookie']);
  expect(setCookie).toMatch(/^deskbot_agent_session=/);
  expect(setCookie).toContain('HttpOnly');
  expect(setCookie).toContain('SameSite=Strict');
  expect(setCookie).toContain('Path=/api/agent');
  expect(setCookie).not.toContain(desk.tokens.alice);
  const cookie = setCookie.split(';')[0]!;

  expect((await server.app.inject({ method: 'GET', url: '/api/agent/me', headers: { cookie } })).json().agent.id).toBe(desk.agents.alice.id);
  const forged = await server.app.inject({ method: 'POST', url: '/api/agent/status', headers: { cookie }, payload: { status: 'away' } });
  expect(forged.statusCode).toBe(403);
  const wrongCsrf = await server.app.inject({ method: 'POST', url: '/api/agent/status', headers: { cookie, 'x-csrf-token': `${csrfToken}x` }, payload: { status: 'away' } });
  expect(wrongCsrf.statusCode).toBe(403);
  expect(desk.agents.alice.status).toBe('available');
  const ok = await server.app.inject({ method: 'POST', url: '/api/agent/status', headers: { cookie, 'x-csrf-token': csrfToken }, payload: { status: 'away' } });
  expect(ok.statusCode).toBe(200);
  expect(desk.agents.alice.status).toBe('away');
  await server.app.inject({ method: 'POST', url: '/api/agent/status', headers: { cookie, 'x-csrf-token': csrfToken }, payload: { status: 'available' } });

  const out = await server.app.inject({ method: 'DELETE', url: '/api/agent/session', headers: { cookie, 'x-csrf-token': csrfToken } });
  expect(out.statusCode).toBe(204);
  expect((await server.app.inject({ method: 'GET', url: '/api/agent/me', headers: { cookie } })).statusCode).toBe(401);
});
