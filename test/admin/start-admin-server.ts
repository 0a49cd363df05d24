import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { createServiceHolder, type ServiceHolder } from '../../src/app/service-holder.js';
import { createPipeline } from '../../src/conversation/pipeline.js';
import { createHttpServer } from '../../src/http/create-http-server.js';
import { storeIntents } from '../../src/intents/store-intents.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { ensureLiveVersion } from '../../src/model-versions/index.js';
import { createAdmin } from '../../src/admin/accounts/admin-accounts.js';
import { createEvaluationRunner, type EvaluationRunner } from '../../src/admin/evaluation/evaluation-runner.js';
import { registerAdminRoutes } from '../../src/admin/http/register-admin-routes.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { smallCatalogue } from './small-catalogue.js';

/** deskbot's HTTP server with only the admin routes, on a fresh database holding the small catalogue as version 1. */
export interface AdminServer {
  app: FastifyInstance;
  db: TestDatabase;
  holder: ServiceHolder;
  runner: EvaluationRunner;
  /** Ada's admin bearer token. */
  token: string;
  /** Set after {@link AdminServer.listen}. */
  url: string;
  /** An employee message through the real pipeline (stored like any turn). */
  say(text: string): Promise<void>;
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Build the server (not listening yet: `app.inject` works without a port). */
export async function startAdminServer(holderOptions: Parameters<typeof createServiceHolder>[2] = {}): Promise<AdminServer> {
  const db = await createTestDatabase();
  const { intents, outOfScopeExamples } = smallCatalogue();
  await storeIntents(db.prisma, intents, outOfScopeExamples);
  await ensureLiveVersion(db.prisma);
  const logger = pino({ level: 'silent' });
  const holder = await createServiceHolder(db.prisma, { thresholds: { act: 0.6, confirm: 0.3 }, metrics: createMetrics() }, holderOptions);
  const pipeline = createPipeline({ prisma: db.prisma, services: holder.current, logger });
  const runner = createEvaluationRunner();
  const app = createHttpServer({ logger, metrics: createMetrics() });
  await registerAdminRoutes(app, { prisma: db.prisma, live: holder, runner, logger, thresholds: { act: 0.6, confirm: 0.3 } });
  const { token } = await createAdmin(db.prisma, { name: 'Ada Admin', email: 'ada@example.com' });
  const server: AdminServer = {
    app, db, holder, runner, token, url: '',
    async say(text) {
      const id = randomUUID();
      await pipeline.handle({ channel: 'web', eventId: id, conversation: { externalId: `c-${id}` }, sender: { externalId: `u-${id}` }, text });
    },
    async listen() {
      server.url = await app.listen({ host: '127.0.0.1', port: 0 });
      return server.url;
    },
    async close() {
      await app.close();
      await runner.close();
      await db.drop();
    },
  };
  return server;
}

/** An admin API answer as the tests read it: JSON parsed, other bodies as text, no body as null. */
export interface AdminAnswer {
  status: number;
  body: any; // tests read whatever shape the route returns
  headers: Record<string, string | string[] | number | undefined>;
}

/** Call the admin API as the server's admin (bearer token), with extra headers when given. */
export async function callAdmin(
  server: AdminServer, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {},
): Promise<AdminAnswer> {
  const res = await server.app.inject({ method, url, payload: payload as string | object | undefined, headers: { authorization: `Bearer ${server.token}`, ...headers } });
  const body = res.body ? (String(res.headers['content-type']).includes('json') ? res.json() : res.body) : null;
  return { status: res.statusCode, body, headers: res.headers };
}
