import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import { DeskbotError } from '../../src/core/index.js';
import { authenticate } from './authenticate.js';
import type { BoundUser } from './direct-line-token.js';
import type { SignInSession } from './sign-in/sign-in-session.js';
import type { WebChannelContext } from './web-channel-context.js';

/**
 * `POST /api/web/token` — the stock chat page's own token route, answering
 * `{ conversationId, token, expires_in, user: { name, email } | null }`:
 * - sign-in configured: the signed-in employee's conversation (401 without a session; the page then goes to `/auth/login`);
 * - neither sign-in nor a Direct Line secret: a guest conversation;
 * - a secret but no sign-in: 403 (tokens come from the host page's backend then).
 * With `Authorization: Bearer <the page's previous token>` of the same user (or guest), the same conversation
 * continues — so a reload keeps the conversation, and a guest keeps the tickets opened in it.
 * @param limited route options that put the route under the token rate limit (see rate-limits.ts)
 */
export function registerPageTokenRoute(app: FastifyInstance, ctx: WebChannelContext, session: SignInSession | null, limited: RouteShorthandOptions): void {
  app.post('/api/web/token', limited, async (req, reply) => {
    const user = session ? await session.user(req) : null;
    if (session && !user) throw new DeskbotError('unauthorized', 'Sign in first: GET /auth/login.');
    if (!session && ctx.deps.secret) {
      throw new DeskbotError('forbidden', 'Guest web chat is off because a Direct Line secret is set; mint tokens with POST /v3/directline/tokens/generate.');
    }
    const bound = user ?? undefined;
    const conversationId = await resumable(ctx, req.headers.authorization, bound) ?? (await ctx.openConversation(bound)).id;
    const grant = await ctx.issue(conversationId, bound);
    const who = bound ? { name: bound.name ?? null, email: bound.email ?? null } : null;
    return reply.header('cache-control', 'no-store').send({ ...grant, user: who });
  });
}

/** The conversation of a still-valid page token that belongs to the same user (or to a guest, for a guest). */
async function resumable(ctx: WebChannelContext, header: string | undefined, user: BoundUser | undefined): Promise<string | undefined> {
  const principal = await authenticate(header, ctx.deps).catch(() => null);
  if (principal?.kind !== 'token' || !sameUser(principal.user, user)) return undefined;
  return (await ctx.deps.store.getConversation(principal.conversationId)) ? principal.conversationId : undefined;
}

function sameUser(a: BoundUser | undefined, b: BoundUser | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.id === b.id && (a.tenant ?? '') === (b.tenant ?? '');
}
