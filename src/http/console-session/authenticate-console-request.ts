import type { FastifyRequest } from 'fastify';
import { DeskbotError } from '../../core/errors.js';
import type { ConsoleSessions } from './console-sessions.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is calling a console API: a script with `Authorization: Bearer <token>` (RFC 6750; no CSRF token needed, since
 * browsers never attach that header on their own), or the console page with its session cookie, in which case every
 * state-changing method (anything but GET, HEAD, OPTIONS) must also carry the session's CSRF token.
 * @param byToken the principal of a bearer token, or null when the token is unknown
 * @throws DeskbotError `unauthorized` (401) without valid credentials; `forbidden` (403) for a missing or wrong CSRF token
 */
export async function authenticateConsoleRequest<P>(
  request: FastifyRequest,
  deps: { sessions: ConsoleSessions<P>; byToken: (token: string) => Promise<P | null>; realm: string },
): Promise<P> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S{1,512})\s*$/i.exec(header);
    if (!match) throw new DeskbotError('unauthorized', `Use "Authorization: Bearer <${deps.realm} token>".`);
    const principal = await deps.byToken(match[1]!);
    if (!principal) throw new DeskbotError('unauthorized', `Unknown ${deps.realm} token.`);
    return principal;
  }
  const session = await deps.sessions.resume(request);
  if (!session) throw new DeskbotError('unauthorized', `Sign in with your ${deps.realm} token, or send "Authorization: Bearer <${deps.realm} token>".`);
  if (!safeMethods.has(request.method)) deps.sessions.checkCsrf(request, session);
  return session.principal;
}
