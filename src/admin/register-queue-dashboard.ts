import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Queue } from 'bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { createAdminTokenCheck, presentedSecret } from './admin-token-check.js';
import { isAllowedDashboardRequest } from './dashboard-request-policy.js';

/** What {@link registerQueueDashboard} needs. */
export interface QueueDashboardDeps {
  /** BullMQ queues to show, e.g. the escalation queue. */
  queues: Queue[];
  /** The shared dashboard token (ADMIN_TOKEN, at least 24 characters); unset → only admin accounts' tokens open it. */
  adminToken?: string;
  /** Whether a token belongs to an admin account (`deskbot admins add`); revoked or reissued tokens answer false. */
  isAdminAccountToken?: (token: string) => Promise<boolean>;
  /** Where the dashboard lives; default `/admin/queues`. No trailing slash. */
  basePath?: string;
}

/** The realm browsers show in their login prompt; any user name works, the password is the admin token. */
const challenge = 'Basic realm="deskbot admin"';

/**
 * Mount Bull Board on `app` under `basePath`: the page at `basePath`, its assets under `basePath/static/*` and its
 * JSON API under `basePath/api/*` (e.g. `GET basePath/api/queues` lists every queue with job counts).
 * Every one of those routes needs ADMIN_TOKEN or an admin account's token, as `Authorization: Bearer <token>` or
 * HTTP Basic with the token as password; otherwise 401 with a Basic challenge. Only reads and retries are served (see
 * {@link isAllowedDashboardRequest}); other actions get 405. All of it lives in its own encapsulated plugin scope, so
 * the hook, the view engine and the static file handler touch no other route.
 */
export async function registerQueueDashboard(app: FastifyInstance, deps: QueueDashboardDeps): Promise<void> {
  const basePath = deps.basePath ?? '/admin/queues';
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: deps.queues.map((queue) => new BullMQAdapter(queue, { allowRetries: true })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'deskbot queues' } },
  });
  const sharedToken = deps.adminToken ? createAdminTokenCheck(deps.adminToken) : () => false;
  const isAdmin: DashboardCredentialCheck = async (authorization) => {
    if (sharedToken(authorization)) return true;
    const secret = presentedSecret(authorization);
    return Boolean(secret && deps.isAdminAccountToken && (await deps.isAdminAccountToken(secret)));
  };
  await app.register(async (scope) => {
    scope.addHook('onRequest', guard(isAdmin, basePath));
    await scope.register(serverAdapter.registerPlugin());
  }, { prefix: basePath });
}

type DashboardCredentialCheck = (authorization: string | undefined) => Promise<boolean>;

function guard(isAdmin: DashboardCredentialCheck, basePath: string) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    // Never let a proxy or the browser keep a copy of an admin page or of job data.
    void reply.header('Cache-Control', 'no-store');
    if (!(await isAdmin(request.headers.authorization))) {
      return reply.status(401).header('WWW-Authenticate', challenge)
        .send({ error: { code: 'unauthorized', message: 'Admin token required' } });
    }
    const path = (request.url.split('?')[0] ?? '').slice(basePath.length);
    if (!isAllowedDashboardRequest(request.method, path)) {
      return reply.status(405).send({ error: { code: 'read_only', message: 'The queue dashboard only reads and retries jobs' } });
    }
  };
}
