import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebLogger } from '../web-channel-deps.js';
import type { RelyingParty } from './oidc-relying-party.js';
import type { SignInSession } from './sign-in-session.js';

/** What the sign-in routes need. */
export interface SignInRouteDeps {
  party: RelyingParty;
  session: SignInSession;
  /** The registered callback URL; the provider's query is read against it. */
  redirectUrl: string;
  logger: WebLogger;
}

/**
 * OpenID Connect sign-in for the stock chat page (authorization code flow with PKCE, OpenID Connect Core 1.0 §3.1):
 * - `GET /auth/login` — to the provider, with state, nonce and an S256 code challenge kept in a sealed cookie
 *   (502 page when the provider cannot be discovered)
 * - `GET /auth/callback` — the provider's redirect: verify, start the session cookie, back to `/` (400 page on failure)
 * - `POST /auth/logout` — end deskbot's session, then the provider's (RP-Initiated Logout, when it offers it and a
 *   post-logout URL is configured), which brings the browser back to `/auth/signed-out`
 */
export function registerSignInRoutes(app: FastifyInstance, deps: SignInRouteDeps): void {
  app.get('/auth/login', (_req, reply) => login(deps, reply));
  app.get('/auth/callback', (req, reply) => callback(deps, req, reply));
  // The chat page's sign-out button is a plain HTML form (no script needed): accept its empty urlencoded body.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, _body, done) => done(null, {}));
  app.post('/auth/logout', async (req, reply) => {
    const idToken = await deps.session.idToken(req);
    deps.session.end(reply);
    const atProvider = await deps.party.endSessionUrl(idToken);
    if (!atProvider) return reply.header('cache-control', 'no-store').redirect('/auth/signed-out', 303);
    // Not a redirect: the chat page's CSP (form-action 'self') would block a form post redirected to the provider.
    // This answer is a new document, so its refresh may go there.
    return leaving(reply, atProvider);
  });
  app.get('/auth/signed-out', async (_req, reply) => page(reply, 200, 'Signed out', 'You have signed out of deskbot.'));
}

async function login({ party, session, logger }: SignInRouteDeps, reply: FastifyReply): Promise<FastifyReply> {
  let started;
  try {
    started = await party.start();
  } catch (err) {
    logger.error({ err }, 'web chat sign-in could not reach the identity provider');
    return page(reply, 502, 'Sign-in unavailable', 'The identity provider cannot be reached right now. Please try again in a minute.');
  }
  await session.savePending(reply, started.pending);
  return reply.header('cache-control', 'no-store').redirect(started.url, 302);
}

async function callback({ party, session, logger, redirectUrl }: SignInRouteDeps, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const pending = await session.takePending(req, reply);
  if (!pending) return page(reply, 400, 'Sign-in expired', 'The sign-in took too long or began in another browser.');
  const callbackUrl = new URL(redirectUrl);
  callbackUrl.search = new URL(req.url, 'http://callback.invalid').search;
  try {
    const { user, idToken } = await party.finish(callbackUrl, pending);
    await session.start(reply, user, idToken);
    logger.info({ tenant: user.tenant, subject: user.id }, 'employee signed in to the web chat');
    return reply.header('cache-control', 'no-store').redirect('/', 302);
  } catch (err) {
    logger.warn({ err }, 'web chat sign-in failed');
    return page(reply, 400, 'Sign-in failed', 'The identity provider did not confirm who you are.');
  }
}

/** A minimal page with a way back in; the texts are fixed strings, never request data. */
function page(reply: FastifyReply, status: number, title: string, text: string): FastifyReply {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>deskbot — ${title}</title></head>`
    + `<body><h1>${title}</h1><p>${text}</p><p><a href="/auth/login">Sign in</a></p></body></html>`;
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

/** A page that sends the browser on to the provider's end-session URL at once, with a link in case it does not. */
function leaving(reply: FastifyReply, url: string): FastifyReply {
  const href = escapeAttribute(url);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}">`
    + `<title>deskbot — Signing out</title></head><body><h1>Signing out</h1>`
    + `<p>You have signed out of deskbot. <a href="${href}">Continue to sign out at your identity provider</a>.</p></body></html>`;
  return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(html);
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
