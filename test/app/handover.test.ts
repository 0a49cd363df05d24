import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startDeskbot, type RunningDeskbot } from '../../src/app/start-deskbot.js';
import { startDirectLine } from '../../src/cli/direct-line-client.js';
import { createAgent } from '../../src/agent-desk/create-agent.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
let deskbot: RunningDeskbot;

beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  await db.prisma.$disconnect();
  const config = loadConfig({
    DATABASE_URL: db.url, REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', PORT: '0', HOST: '127.0.0.1',
    LOG_LEVEL: 'silent', ESCALATION_QUEUE: `test-handover-${Date.now()}`,
  });
  deskbot = await startDeskbot(config, pino({ level: 'silent' }));
}, 120_000);
afterAll(async () => {
  await deskbot?.close();
  await db?.drop();
});

async function api(path: string, token: string, body?: unknown) {
  const res = await fetch(`${deskbot.url}/api/agent${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() as Record<string, any> };
}

async function until<T>(fn: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await fn();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('an employee asks for a person; an agent claims, they talk, the agent resolves and the employee rates it', async () => {
  const { token } = await createAgent(deskbot.infrastructure.prisma, { name: 'Alice Agent', email: 'alice@example.com', groups: [] });
  const other = await createAgent(deskbot.infrastructure.prisma, { name: 'Bob Agent', email: 'bob@example.com', groups: [] });
  expect((await api('/escalations', 'not-a-token')).status).toBe(401);

  const employee = await startDirectLine(deskbot.url);
  const asked = await employee.say('I want to talk to a human please', 'guest');
  const ticket = asked.map((a) => (a.channelData as { deskbot?: { ticket?: string } } | undefined)?.deskbot?.ticket).find(Boolean);
  expect(ticket).toMatch(/^REQ/);
  const waiting = await employee.say('hello? is anyone there?', 'guest');
  expect(waiting.map((a) => a.text).join(' ')).toContain(`added that to ${ticket}`);
  expect(await deskbot.infrastructure.prisma.ticket.count()).toBe(1);

  const escalation = await until(async () => {
    const { body } = await api('/escalations', token);
    return (body.escalations as Array<{ id: string; ticket: { number: string } }>).find((e) => e.ticket.number === ticket);
  }, 'the escalation to reach the agent console');

  const [mine, theirs] = await Promise.all([api(`/escalations/${escalation.id}/claim`, token, {}), api(`/escalations/${escalation.id}/claim`, other.token, {})]);
  expect([mine.status, theirs.status].sort()).toEqual([200, 409]);
  const owner = mine.status === 200 ? token : other.token;

  expect((await api(`/escalations/${escalation.id}/messages`, owner, { text: 'Hi, I can help. What is wrong?' })).status).toBe(200);
  const agentLine = await until(async () => {
    const replies = await employee.say('my laptop fan is very loud', 'guest');
    // The bridged message is not answered by the bot; the agent's line arrives in the transcript.
    return replies.length === 0 ? true : undefined;
  }, 'the bridge to forward the employee message');
  expect(agentLine).toBe(true);
  const view = await until(async () => {
    const { body } = await api(`/escalations/${escalation.id}`, owner);
    const lines = body.escalation.messages as Array<{ author: string; text: string }>;
    return lines.some((m) => m.author === 'employee' && m.text.includes('fan is very loud')) && lines.some((m) => m.author === 'agent') ? lines : undefined;
  }, 'both sides in the escalation');
  expect(view.length).toBeGreaterThan(2);

  expect((await api(`/escalations/${escalation.id}/resolve`, owner, { note: 'Cleaned the fan' })).status).toBe(200);
  const stored = await deskbot.infrastructure.prisma.ticket.findUniqueOrThrow({ where: { number: ticket! } });
  expect(stored.status).toBe('resolved');
  await employee.say('5', 'guest');
  expect((await deskbot.infrastructure.prisma.ticket.findUniqueOrThrow({ where: { number: ticket! } })).satisfaction).toBe(5);
});
