import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import { DeskbotError } from '../../src/core/index.js';
import { authenticate, requireConversation } from './authenticate.js';
import { conversationRequestSchema, parseOrThrow, watermarkQuerySchema } from './activity-schema.js';
import { bindableUser, mustExist, tokenGrant } from './conversation-access.js';
import type { WebChannelContext } from './web-channel-context.js';

/**
 * Direct Line 3.0 conversation routes:
 * - `POST /v3/directline/conversations` — start (201 `{ conversationId, token, expires_in, streamUrl }`); with a token of
 *   an existing conversation (as after "generate token"), that conversation (200)
 * - `GET /v3/directline/conversations/:id?watermark=` — reconnect: the same, with a new streamUrl from the watermark
 * @param limited route options that put starting a conversation under its rate limit (see rate-limits.ts)
 */
export function registerConversationRoutes(app: FastifyInstance, ctx: WebChannelContext, limited: RouteShorthandOptions): void {
  const { deps } = ctx;

  app.post('/v3/directline/conversations', limited, async (req, reply) => {
    const principal = await authenticate(req.headers.authorization, deps);
    const body = parseOrThrow(conversationRequestSchema, req.body, 'request');
    if (principal?.kind === 'token') {
      await mustExist(deps, principal.conversationId);
      const streamUrl = await ctx.streamUrl(req, principal.conversationId);
      return reply.code(200).send({ ...tokenGrant(principal), streamUrl });
    }
    const user = bindableUser(deps, principal, body?.user);
    const conversation = await ctx.openConversation(user);
    const grant = await ctx.issue(conversation.id, user);
    return reply.code(201).send({ ...grant, streamUrl: await ctx.streamUrl(req, conversation.id) });
  });

  app.get<{ Params: { id: string } }>('/v3/directline/conversations/:id', async (req) => {
    const principal = requireConversation(await authenticate(req.headers.authorization, deps), req.params.id);
    const { watermark } = parseOrThrow(watermarkQuerySchema, req.query, 'query');
    if (watermark && !/^\d+$/.test(watermark)) throw new DeskbotError('bad_request', 'watermark must be a decimal number.');
    const conversation = await mustExist(deps, req.params.id);
    const grant = principal.kind === 'token'
      ? tokenGrant(principal)
      : await ctx.issue(conversation.id, conversation.userId ? { id: conversation.userId, tenant: conversation.userTenant ?? undefined } : undefined);
    return { ...grant, streamUrl: await ctx.streamUrl(req, conversation.id, watermark) };
  });
}
