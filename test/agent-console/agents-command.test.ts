import pino from 'pino';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { agentsAddCommand } from '../../src/cli/agents-command.js';
import { createAgentDesk, hashAgentToken } from '../../src/agent-desk/index.js';
import { agentConsoleSessions } from '../../src/agent-desk/http/agent-console-sessions.js';
import { findAgentById } from '../../src/agent-desk/create-agent.js';
import { registerAgentRoutes } from '../../src/agent-desk/http/register-agent-routes.js';
import { createHttpServer } from '../../src/http/create-http-server.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
// Empty: the command migrates it itself, as it would a fresh install.
beforeAll(async () => { db = await createTestDatabase({ migrate: false }); });
afterAll(async () => { await db?.drop(); });

async function addAgent(args: Parameters<typeof agentsAddCommand>[1]): Promise<string[]> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await agentsAddCommand(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }), args);
    return log.mock.calls.map((c) => c.join(' '));
  } finally {
    log.mockRestore();
  }
}

test('agents add prints the token last; it signs the agent in to the real desk through the API', async () => {
  const lines = await addAgent({ name: 'Dana Desk', email: 'Dana@Example.com', group: ['Access', 'Network', 'Access'] });
  expect(lines[0]).toBe('Agent Dana Desk <dana@example.com> created; groups: Access, Network.');
  const token = lines.at(-1)!;
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const row = await db.prisma.agent.findUniqueOrThrow({ where: { email: 'dana@example.com' } });
  expect(row).toMatchObject({ name: 'Dana Desk', groups: ['Access', 'Network'], tokenHash: hashAgentToken(token) });

  const logger = pino({ level: 'silent' });
  const app = createHttpServer({ logger, metrics: createMetrics() });
  const sessions = agentConsoleSessions(db.prisma, (id) => findAgentById(db.prisma, id));
  await registerAgentRoutes(app, { desk: createAgentDesk({ prisma: db.prisma, channels: () => undefined, logger }), logger, sessions });
  try {
    const me = await app.inject({ method: 'GET', url: '/api/agent/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().agent).toMatchObject({ id: row.id, name: 'Dana Desk', email: 'dana@example.com' });
    const list = await app.inject({ method: 'GET', url: '/api/agent/escalations', headers: { authorization: `Bearer ${token}` } });
    expect(list.json()).toEqual({ escalations: [] });
    const wrong = await app.inject({ method: 'GET', url: '/api/agent/me', headers: { authorization: `Bearer ${token}x` } });
    expect(wrong.statusCode).toBe(401);
  } finally {
    await app.close();
  }
}, 180_000);

test('agents add refuses a malformed email and a taken one', async () => {
  await expect(addAgent({ name: 'Eve', email: 'not-an-email' })).rejects.toMatchObject({ code: 'bad_request' });
  await addAgent({ name: 'Frank', email: 'frank@example.com' });
  await expect(addAgent({ name: 'Frank Again', email: 'frank@example.com' })).rejects.toMatchObject({ code: 'bad_request' });
  expect(await db.prisma.agent.count({ where: { email: 'frank@example.com' } })).toBe(1);
});
