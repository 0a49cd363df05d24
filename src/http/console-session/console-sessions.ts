import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Tokens from '@fastify/csrf';
import type {} from '@fastify/cookie';
import type { Db } from '../../db/client.js';
import { DeskbotError } from '../../core/errors.js';

/** What {@link createConsoleSessions} needs; `P` is whoever signs in (an admin, an agent). */
export interface ConsoleSessionOptions<P> {
  db: Db;
  /** Which console the sessions belong to (`admin`, `agent`): a session of one never opens another. */
  console: string;
  /** Cookie name, e.g. `deskbot_admin_session`. */
  cookieName: string;
  /** Cookie path: the API prefix the browser sends it to, e.g. `/api/admin`. */
  cookiePath: string;
  /** Absolute session lifetime in seconds; default 8 hours (one working day). */
  ttlSeconds?: number;
  /** Look the principal up again on every request, so a deleted account ends its sessions. */
  findPrincipal(id: string): Promise<P | null>;
  principalId(principal: P): string;
}

/** A live browser session. */
export interface ConsoleSession<P> {
  id: string;
  principal: P;
  csrfSecret: string;
}

/** Browser sessions of one console: an HttpOnly, SameSite=Strict cookie holding a random token, and CSRF tokens. */
export interface ConsoleSessions<P> {
  /** Store a new session for `principal` and set its cookie on `reply`. Returns the page's first CSRF token. */
  start(request: FastifyRequest, reply: FastifyReply, principal: P): Promise<{ csrfToken: string }>;
  /** The session of the request's cookie, or null when there is none, it expired, or its principal is gone. */
  resume(request: FastifyRequest): Promise<ConsoleSession<P> | null>;
  /** A fresh CSRF token for the session (any number may be valid at once). */
  csrfToken(session: ConsoleSession<P>): string;
  /**
   * Check the `x-csrf-token` header against the session (OWASP synchronizer-token pattern, tokens by @fastify/csrf).
   * @throws DeskbotError `forbidden` (403) when it is missing or not one of this session's tokens
   */
  checkCsrf(request: FastifyRequest, session: ConsoleSession<P>): void;
  /** Delete the request's session (if any) and clear the cookie. */
  end(request: FastifyRequest, reply: FastifyReply): Promise<void>;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Create the session store of one console, kept in the ConsoleSession table, so every instance behind a load balancer
 * knows every session and signing out ends it everywhere. Only the SHA-256 of the cookie's token is stored.
 * Needs @fastify/cookie registered on the routes that use it.
 */
export function createConsoleSessions<P>(options: ConsoleSessionOptions<P>): ConsoleSessions<P> {
  const { db, cookieName } = options;
  const ttlSeconds = options.ttlSeconds ?? 8 * 3600;
  const tokens = Tokens();
  const cookieOptions = (request: FastifyRequest) => ({
    path: options.cookiePath, httpOnly: true, sameSite: 'strict' as const, secure: request.protocol === 'https',
  });

  return {
    async start(request, reply, principal) {
      const token = randomBytes(32).toString('base64url');
      const csrfSecret = tokens.secretSync();
      await db.consoleSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
      await db.consoleSession.create({
        data: { id: hash(token), console: options.console, principalId: options.principalId(principal), csrfSecret, expiresAt: new Date(Date.now() + ttlSeconds * 1000) },
      });
      void reply.setCookie(cookieName, token, { ...cookieOptions(request), maxAge: ttlSeconds });
      return { csrfToken: tokens.create(csrfSecret) };
    },
    async resume(request) {
      const token = request.cookies[cookieName];
      if (!token || token.length > 200) return null;
      const row = await db.consoleSession.findUnique({ where: { id: hash(token) } });
      if (!row || row.console !== options.console || row.expiresAt <= new Date()) return null;
      const principal = await options.findPrincipal(row.principalId);
      return principal ? { id: row.id, principal, csrfSecret: row.csrfSecret } : null;
    },
    csrfToken: (session) => tokens.create(session.csrfSecret),
    checkCsrf(request, session) {
      const presented = request.headers['x-csrf-token'];
      if (typeof presented !== 'string' || !tokens.verify(session.csrfSecret, presented)) {
        throw new DeskbotError('forbidden', 'This change needs the page\'s CSRF token in the x-csrf-token header; reload the page.');
      }
    },
    async end(request, reply) {
      const token = request.cookies[cookieName];
      if (token) await db.consoleSession.deleteMany({ where: { id: hash(token) } });
      void reply.clearCookie(cookieName, cookieOptions(request));
    },
  };
}
