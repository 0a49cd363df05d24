import type { FastifyInstance } from 'fastify';
import type { AgentDesk } from '../types.js';
import { registerAgentApiRoutes } from './agent-api-routes.js';
import { registerAgentConsoleRoutes } from './agent-console-routes.js';
import { agentErrorResponse, type AgentRoutesLogger } from './agent-error-response.js';

/** What {@link registerAgentRoutes} needs. */
export interface AgentRoutesDeps {
  desk: AgentDesk;
  logger: AgentRoutesLogger;
}

/**
 * Mount the agent desk on `app`: the bearer-authenticated JSON API under `/api/agent/*` (see
 * {@link registerAgentApiRoutes}) and the console at `/agent`. Errors answer `{ error: { code, message } }` with the
 * DeskbotError's status, whatever error handler the host server has.
 *
 * Why bearer tokens and not a cookie in the browser: the console keeps the agent token in sessionStorage and sends it
 * in the Authorization header, which no other site can make a browser attach, so there is no CSRF to defend against,
 * and the token is gone when the tab closes.
 * @throws when the console's files cannot be read
 */
export async function registerAgentRoutes(app: FastifyInstance, deps: AgentRoutesDeps): Promise<void> {
  await app.register(async (scope) => {
    scope.setErrorHandler((err, req, reply) => {
      const { status, body } = agentErrorResponse(err, deps.logger, req.url.split('?')[0] ?? '');
      return reply.status(status).send(body);
    });
    registerAgentApiRoutes(scope, deps.desk);
    await registerAgentConsoleRoutes(scope);
  });
}
