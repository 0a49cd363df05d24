import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { WebChannelDeps } from '../web-channel-deps.js';
import { createRelyingParty } from './oidc-relying-party.js';
import { createCookieSealer } from './sealed-cookie.js';
import { registerSignInRoutes } from './sign-in-routes.js';
import { createSignInSession, type SignInSession } from './sign-in-session.js';

/**
 * Mount OpenID Connect sign-in when `deps.signIn` is set; null otherwise (the chat page is then for guests, or
 * closed when a Direct Line secret is set). Registers @fastify/cookie on `app` unless it already has it.
 */
export async function registerSignIn(app: FastifyInstance, deps: WebChannelDeps): Promise<SignInSession | null> {
  if (!deps.signIn) return null;
  if (!app.hasRequestDecorator('cookies')) await app.register(fastifyCookie);
  const secure = new URL(deps.signIn.redirectUrl).protocol === 'https:';
  const session = createSignInSession(createCookieSealer(deps.tokenKey), secure);
  registerSignInRoutes(app, { party: createRelyingParty(deps.signIn), session, redirectUrl: deps.signIn.redirectUrl, logger: deps.logger });
  return session;
}
