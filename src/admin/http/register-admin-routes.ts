import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import type { PrismaClient } from '../../db/client.js';
import { toStorableJson } from '../../db/storable-json.js';
import { authenticateConsoleRequest, createConsoleSessions, registerSessionRoutes } from '../../http/console-session/index.js';
import { findAdminById, findAdminByToken, type AdminRef } from '../accounts/admin-accounts.js';
import type { EvaluationRunner } from '../evaluation/evaluation-runner.js';
import type { Thresholds } from '../shadow-replay/route-of.js';
import type { AdminContext, LiveServices } from './admin-context.js';
import { decodeFileBytes } from '../formats/decode-file-bytes.js';
import { adminErrorResponse, type AdminRoutesLogger } from './admin-error-response.js';
import { registerAdminPageRoutes } from './admin-page-routes.js';
import { registerArticleRoutes } from './article-routes.js';
import { registerEvaluationRoutes } from './evaluation-routes.js';
import { registerImportExportRoutes } from './import-export-routes.js';
import { registerInboxRoutes } from './inbox-routes.js';
import { registerIntentRoutes } from './intent-routes.js';
import { useExplainingJsonParser } from './json-body-parser.js';
import { registerVersionRoutes } from './version-routes.js';

/** What {@link registerAdminRoutes} needs. */
export interface AdminRoutesDeps {
  prisma: PrismaClient;
  live: LiveServices;
  thresholds: Thresholds;
  runner: EvaluationRunner;
  logger: AdminRoutesLogger;
}

/**
 * Mount the admin console: the JSON API under `/api/admin/*` and the page at `/admin`. API callers authenticate with
 * `Authorization: Bearer <admin token>` (scripts; no CSRF token needed) or with the session cookie the page gets from
 * `POST /api/admin/session` (then every change needs the `x-csrf-token` header). Errors answer
 * `{ error: { code, message } }`. NUL characters are stripped from every body (PostgreSQL text cannot hold them). Everything lives in one encapsulated scope: cookies and parsers touch no other route.
 * @throws when the page's files cannot be read
 */
export async function registerAdminRoutes(app: FastifyInstance, deps: AdminRoutesDeps): Promise<void> {
  await app.register(async (scope) => {
    if (!scope.hasRequestDecorator('cookies')) await scope.register(fastifyCookie);
    scope.setErrorHandler((err, req, reply) => {
      const { status, body } = adminErrorResponse(err, deps.logger, req.url.split('?')[0] ?? '', req.routeOptions.bodyLimit);
      return reply.status(status).send(body);
    });
    // Raw intent files for scripts: `curl --data-binary @nlu.yml -H 'content-type: application/yaml'`. Bodies are
    // decoded strictly: Fastify's own parsers would turn a Latin-1 file's `é` into `�` and the import would store it.
    const decoded = (body: Buffer) => decodeFileBytes(body, 'The request body');
    scope.removeContentTypeParser(['text/plain']);
    scope.addContentTypeParser(['text/csv', 'application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain', 'application/octet-stream'], { parseAs: 'buffer' }, (_req, body, done) => {
      try { done(null, decoded(body as Buffer)); } catch (err) { done(err as Error, undefined); }
    });
    useExplainingJsonParser(scope, decoded);
    // Admin views hold employees' words and the catalogue: keep them out of shared caches and the browser's.
    scope.addHook('onSend', async (req, reply) => { if (req.url.startsWith('/api/admin')) reply.header('cache-control', 'no-store'); });

    const sessions = createConsoleSessions<AdminRef>({
      db: deps.prisma, console: 'admin', cookieName: 'deskbot_admin_session', cookiePath: '/api/admin',
      findPrincipal: (id) => findAdminById(deps.prisma, id), principalId: (a) => a.id,
    });
    const byToken = (token: string) => findAdminByToken(deps.prisma, token);
    registerSessionRoutes(scope, { sessions, byToken, view: (a) => a, path: '/api/admin/session' });

    await scope.register(async (api) => {
      const admins = new WeakMap<FastifyRequest, AdminRef>();
      api.addHook('onRequest', async (req) => { admins.set(req, await authenticateConsoleRequest(req, { sessions, byToken, realm: 'admin' })); });
      // PostgreSQL text cannot hold U+0000: strip it from every body (JSON or a raw file) before any route validates
      // or stores it, as the chat path does, rather than failing with a 500 on insert.
      api.addHook('preValidation', async (req) => { if (req.body !== undefined) req.body = toStorableJson(req.body); });
      const ctx: AdminContext = { ...deps, adminOf: (req) => admins.get(req)! };
      api.get('/api/admin/me', async (req) => ({ admin: ctx.adminOf(req), liveVersion: deps.live.liveVersion() }));
      registerIntentRoutes(api, ctx);
      registerArticleRoutes(api, ctx);
      registerImportExportRoutes(api, ctx);
      registerEvaluationRoutes(api, ctx);
      registerVersionRoutes(api, ctx);
      registerInboxRoutes(api, ctx);
    });
    await registerAdminPageRoutes(scope);
  });
}
