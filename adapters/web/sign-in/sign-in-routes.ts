import type { FastifyInstance, FastifyReply } from 'fastify';
import type { WebLogger } from '../web-channel-deps.js';
import type { RelyingParty } from './oidc-relying-party.js';
import type { SignInSession } from './sign-in-session.js';

/**
 * OpenID Connect sign-in for the stock chat page (authorization code flow with PKCE, OpenID Connect Core 1.0 §3.1):
 * - `GET /auth/login` — to the provider, with state, nonce and an S256 code challenge kept in a sealed cookie
 * - `GET /auth/callback` — the provider's redirect: verify, start the session cookie, back to `/`
 * - `POST /auth/logout` — end deskbot's session (not the provider's), then `/auth/signed-out`
 */
export function registerSignInRoutes(
  app: FastifyInstance,
  deps: { party: RelyingParty; session: SignInSession; redirectUrl: string; logger: WebLogger },
): void {
  const { party, session, logger } = deps;

  app.get('/auth/login', async (_req, reply) => {
    const { pending, url } = await party.start();
    await session.savePending(reply, pending);
    return reply.header('cache-control', 'no-store').redirect(url, 302);
  });

  app.get('/auth/callback', async (req, reply) => {
    const pending = await session.takePending(req, reply);
    if (!pending) return page(reply, 400, 'Sign-in expired', 'The sign-in took too long or began in another browser.');
    const callbackUrl = new URL(deps.redirectUrl);
    callbackUrl.search = new URL(req.url, 'http://callback.invalid').search;
    try {
      const user = await party.finish(callbackUrl, pending);
      await session.start(reply, user);
      logger.info({ tenant: user.tenant, subject: user.id }, 'employee signed in to the web chat');
      return reply.header('cache-control', 'no-store').redirect('/', 302);
    } catch (err) {
      logger.warn({ err }, 'web chat sign-in failed');
      return page(reply, 400, 'Sign-in failed', 'The identity provider did not confirm who you are.');
    }
  });

  // The chat page's sign-out button is a plain HTML form (no script needed): accept its empty urlencoded body.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, _body, done) => done(null, {}));
  app.post('/auth/logout', async (_req, reply) => {
    session.end(reply);
    return reply.redirect('/auth/signed-out', 303);
  });

  app.get('/auth/signed-out', async (_req, reply) => page(reply, 200, 'Signed out', 'You have signed out of deskbot.'));
}

/** A minimal page with a way back in; the texts are fixed strings, never request data. */
function page(reply: FastifyReply, status: number, title: string, text: string): FastifyReply {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>deskbot — ${title}</title></head>`
    + `<body><h1>${title}</h1><p>${text}</p><p><a href="/auth/login">Sign in</a></p></body></html>`;
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}
