import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import { DeskbotError } from '../../src/core/index.js';
import { authenticate } from './authenticate.js';
import { conversationRequestSchema, parseOrThrow } from './activity-schema.js';
import { bindableUser, mustExist } from './conversation-access.js';
import type { WebChannelContext } from './web-channel-context.js';

/**
 * Token routes, each answering `{ conversationId, token, expires_in }`:
 * - `POST /v3/directline/tokens/generate` — secret holder: a new conversation, bound to body `user` when given;
 *   token holder: a new token for the same conversation; nobody, when no secret is set: a guest conversation
 * - `POST /v3/directline/tokens/refresh` — token holder: the same grant with a new expiry (403 once expired)
 * A bound user's email counts as verified only because the secret holder vouched for it.
 * @param limited route options that put both routes under the token rate limit (see rate-limits.ts)
 */
export function registerTokenRoutes(app: FastifyInstance, ctx: WebChannelContext, limited: RouteShorthandOptions): void {
  const { deps } = ctx;

  app.post('/v3/directline/tokens/generate', limited, async (req) => {
    const principal = await authenticate(req.headers.authorization, deps);
    const body = parseOrThrow(conversationRequestSchema, req.body, 'request');
    if (principal?.kind === 'token') return ctx.issue(principal.conversationId, principal.user);
    const user = bindableUser(deps, principal, body?.user);
    const conversation = await ctx.openConversation(user);
    return ctx.issue(conversation.id, user);
  });

  app.post('/v3/directline/tokens/refresh', limited, async (req) => {
    const principal = await authenticate(req.headers.authorization, deps);
    if (!principal) throw new DeskbotError('unauthorized', 'Refreshing needs "Authorization: Bearer <token>".');
    if (principal.kind !== 'token') throw new DeskbotError('bad_request', 'Only a token can be refreshed, not the secret.');
    await mustExist(deps, principal.conversationId);
    return ctx.issue(principal.conversationId, principal.user);
  });
}
