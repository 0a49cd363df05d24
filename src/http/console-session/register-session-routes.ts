import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DeskbotError } from '../../core/errors.js';
import type { ConsoleSessions } from './console-sessions.js';

const signInBody = z.object({ token: z.string().trim().min(1, 'Paste your token.').max(512) });

/** What {@link registerSessionRoutes} needs. */
export interface SessionRoutesDeps<P, V> {
  sessions: ConsoleSessions<P>;
  /** The principal a pasted token belongs to, or null. */
  byToken(token: string): Promise<P | null>;
  /** What the page may see of the principal (e.g. name and email). */
  view(principal: P): V;
  /** Route path, e.g. `/api/admin/session`. */
  path: string;
}

/**
 * The sign-in exchange of a console page, on `scope` (which must have @fastify/cookie):
 * - `POST path` `{ token }` → 200 `{ principal, csrfToken }` and the session cookie; 401 for an unknown token
 * - `GET path` → `{ principal, csrfToken }` for the cookie's session (a reloaded page); 401 without one
 * - `DELETE path` (with the CSRF token) → 204, session deleted and cookie cleared
 * The token is pasted once; from then on the browser holds only the HttpOnly cookie, which scripts cannot read.
 */
export function registerSessionRoutes<P, V>(scope: FastifyInstance, deps: SessionRoutesDeps<P, V>): void {
  const { sessions } = deps;
  scope.post(deps.path, async (request, reply) => {
    const parsed = signInBody.safeParse(request.body);
    if (!parsed.success) throw new DeskbotError('bad_request', parsed.error.issues[0]?.message ?? 'Paste your token.');
    const principal = await deps.byToken(parsed.data.token);
    if (!principal) throw new DeskbotError('unauthorized', 'That token is not valid.');
    const { csrfToken } = await sessions.start(request, reply, principal);
    return { principal: deps.view(principal), csrfToken };
  });
  scope.get(deps.path, async (request) => {
    const session = await sessions.resume(request);
    if (!session) throw new DeskbotError('unauthorized', 'Not signed in.');
    return { principal: deps.view(session.principal), csrfToken: sessions.csrfToken(session) };
  });
  scope.delete(deps.path, async (request, reply) => {
    const session = await sessions.resume(request);
    if (session) sessions.checkCsrf(request, session);
    await sessions.end(request, reply);
    return reply.status(204).send();
  });
}
