// Brings @fastify/cookie's request.cookies / reply.setCookie typings; the plugin is registered with the routes.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BoundUser } from '../direct-line-token.js';
import type { CookieSealer } from './sealed-cookie.js';
import type { PendingSignIn } from './oidc-relying-party.js';

/** The sign-in session cookie: who signed in on the chat page (sealed, HttpOnly, SameSite=Lax). */
export const SESSION_COOKIE = 'deskbot_session';
/** The cookie carrying state, nonce and PKCE verifier from `/auth/login` to `/auth/callback`. */
export const PENDING_COOKIE = 'deskbot_signin';

/** A signed-in session lasts a working day; the browser also drops the cookie when it closes. */
export const SESSION_SECONDS = 12 * 3600;
/** Time an employee has to get through the provider's login page. */
export const PENDING_SECONDS = 10 * 60;

/**
 * ID tokens longer than this are not kept in the session cookie (browsers cap a cookie near 4 KB); sign-out at the
 * provider then goes without `id_token_hint`, identifying deskbot by `client_id` alone.
 */
export const MAX_KEPT_ID_TOKEN_CHARS = 1800;

/** Reads and writes the sign-in cookies. `secure` follows the callback URL's scheme. */
export interface SignInSession {
  user(req: FastifyRequest): Promise<BoundUser | null>;
  /** The ID token kept at sign-in, for the provider's end-session request; undefined when not kept or no session. */
  idToken(req: FastifyRequest): Promise<string | undefined>;
  start(reply: FastifyReply, user: BoundUser, idToken?: string): Promise<void>;
  end(reply: FastifyReply): void;
  savePending(reply: FastifyReply, pending: PendingSignIn): Promise<void>;
  /** The pending sign-in, removed from the browser as it is read (a code is redeemed once). */
  takePending(req: FastifyRequest, reply: FastifyReply): Promise<PendingSignIn | null>;
}

/** Cookie jar for sign-in, on @fastify/cookie (registered on the routes' scope) and a {@link CookieSealer}. */
export function createSignInSession(sealer: CookieSealer, secure: boolean): SignInSession {
  const base = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
  return {
    async user(req) {
      const claims = await sealer.open(req.cookies[SESSION_COOKIE]);
      if (!claims || typeof claims.sub !== 'string' || typeof claims.iss !== 'string') return null;
      const text = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string) : undefined);
      return { id: claims.sub, tenant: claims.iss, name: text('name'), email: text('email') };
    },
    async idToken(req) {
      const claims = await sealer.open(req.cookies[SESSION_COOKIE]);
      return typeof claims?.idt === 'string' ? claims.idt : undefined;
    },
    async start(reply, user, idToken) {
      const idt = idToken && idToken.length <= MAX_KEPT_ID_TOKEN_CHARS ? idToken : undefined;
      const value = await sealer.seal({ sub: user.id, iss: user.tenant, name: user.name, email: user.email, idt }, SESSION_SECONDS);
      reply.setCookie(SESSION_COOKIE, value, base);
    },
    end(reply) {
      reply.clearCookie(SESSION_COOKIE, base);
    },
    async savePending(reply, pending) {
      reply.setCookie(PENDING_COOKIE, await sealer.seal({ ...pending }, PENDING_SECONDS), { ...base, path: '/auth', maxAge: PENDING_SECONDS });
    },
    async takePending(req, reply) {
      const claims = await sealer.open(req.cookies[PENDING_COOKIE]);
      reply.clearCookie(PENDING_COOKIE, { ...base, path: '/auth' });
      const { state, nonce, verifier } = claims ?? {};
      return typeof state === 'string' && typeof nonce === 'string' && typeof verifier === 'string' ? { state, nonce, verifier } : null;
    },
  };
}
