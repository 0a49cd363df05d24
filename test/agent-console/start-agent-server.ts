import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { createHttpServer } from '../../src/http/create-http-server.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { registerAgentRoutes } from '../../src/agent-desk/http/register-agent-routes.js';
import { agentConsoleSessions } from '../../src/agent-desk/http/agent-console-sessions.js';
import { createFakeAgentDesk, type FakeAgentDesk } from '../support/fake-agent-desk.js';
import { createTestDatabase } from '../support/db.js';

/** deskbot's real HTTP server with only the agent routes, backed by the in-memory desk (sessions in a real database). */
export interface AgentServer {
  app: FastifyInstance;
  desk: FakeAgentDesk;
  /** Set after {@link AgentServer.listen}. */
  url: string;
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Build the server (not listening yet: `app.inject` works without a port). */
export async function startAgentServer(): Promise<AgentServer> {
  const desk = createFakeAgentDesk();
  const db = await createTestDatabase();
  const logger = pino({ level: 'silent' });
  const app = createHttpServer({ logger, metrics: createMetrics() });
  const sessions = agentConsoleSessions(db.prisma, async (id) => Object.values(desk.agents).find((a) => a.id === id) ?? null);
  await registerAgentRoutes(app, { desk, logger, sessions });
  const server: AgentServer = {
    app, desk, url: '',
    async listen() {
      server.url = await app.listen({ host: '127.0.0.1', port: 0 });
      return server.url;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
  return server;
}
