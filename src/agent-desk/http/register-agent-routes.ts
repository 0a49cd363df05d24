import type { FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import type { ConsoleSessions } from '../../http/console-session/index.js';
import { registerSessionRoutes } from '../../http/console-session/index.js';
import type { AgentDesk, AgentRef } from '../types.js';
import { registerAgentApiRoutes } from './agent-api-routes.js';
import { registerAgentConsoleRoutes } from './agent-console-routes.js';
import { agentErrorResponse, type AgentRoutesLogger } from './agent-error-response.js';

/** What {@link registerAgentRoutes} needs. */
export interface AgentRoutesDeps {
  desk: AgentDesk;
  logger: AgentRoutesLogger;
  /** Browser sessions of the console (cookie `deskbot_agent_session` on `/api/agent`), see {@link agentConsoleSessions}. */
  sessions: ConsoleSessions<AgentRef>;
}

/**
 * Mount the agent desk on `app`: the JSON API under `/api/agent/*` (see {@link registerAgentApiRoutes}), the
 * console's sign-in exchange at `/api/agent/session` and the console at `/agent`. Scripts send
 * `Authorization: Bearer <agent token>`; the console pastes the token once and from then on holds only an HttpOnly,
 * SameSite=Strict session cookie, with a CSRF token on every change, so script on the page never sees a credential.
 * Errors answer `{ error: { code, message } }` with the DeskbotError's status, whatever error handler the host has.
 * @throws when the console's files cannot be read
 */
export async function registerAgentRoutes(app: FastifyInstance, deps: AgentRoutesDeps): Promise<void> {
  await app.register(async (scope) => {
    if (!scope.hasRequestDecorator('cookies')) await scope.register(fastifyCookie);
    scope.setErrorHandler((err, req, reply) => {
      const { status, body } = agentErrorResponse(err, deps.logger, req.url.split('?')[0] ?? '');
      return reply.status(status).send(body);
    });
    const byToken = (token: string) => deps.desk.authenticate(token);
    registerSessionRoutes(scope, { sessions: deps.sessions, byToken, view: (agent) => agent, path: '/api/agent/session' });
    registerAgentApiRoutes(scope, deps.desk, deps.sessions);
    await registerAgentConsoleRoutes(scope);
  });
}
