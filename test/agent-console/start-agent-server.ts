import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { createHttpServer } from '../../src/http/create-http-server.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { registerAgentRoutes } from '../../src/agent-desk/http/register-agent-routes.js';
import { createFakeAgentDesk, type FakeAgentDesk } from '../support/fake-agent-desk.js';

/** deskbot's real HTTP server with only the agent routes, backed by the in-memory desk. */
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
  const logger = pino({ level: 'silent' });
  const app = createHttpServer({ logger, metrics: createMetrics() });
  await registerAgentRoutes(app, { desk, logger });
  const server: AgentServer = {
    app, desk, url: '',
    async listen() {
      server.url = await app.listen({ host: '127.0.0.1', port: 0 });
      return server.url;
    },
    close: () => app.close(),
  };
  return server;
}
