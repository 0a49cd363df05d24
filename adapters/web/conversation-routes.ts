import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DeskbotError } from '../../src/core/index.js';
import { authenticate, requireConversation, type Principal } from './authenticate.js';
import { conversationRequestSchema, parseOrThrow, watermarkQuerySchema } from './activity-schema.js';
import type { BoundUser } from './direct-line-token.js';
import type { ConversationGrant, WebChannelContext } from './web-channel-context.js';

/**
 * Direct Line 3.0 conversation and token routes:
 * - `POST /v3/directline/conversations` — start (201), or with a token of an existing conversation, describe it (200)
 * - `GET /v3/directline/conversations/:id?watermark=` — reconnect: a new streamUrl
 * - `POST /v3/directline/tokens/generate` — secret holder: new conversation, optionally bound to body `user`
 * - `POST /v3/directline/tokens/refresh` — token holder: the same grant with a new expiry
 * - `POST /api/web/token` — deskbot's own: a guest conversation and token for the stock chat page (open mode only)
 */
export function registerConversationRoutes(app: FastifyInstance, ctx: WebChannelContext): void {
  const { deps } = ctx;
  const who = (req: FastifyRequest) => authenticate(req.headers.authorization, deps);

  app.post('/v3/directline/conversations', async (req, reply) => {
    const principal = await who(req);
    const body = parseOrThrow(conversationRequestSchema, req.body, 'request');
    if (principal?.kind === 'token') {
      await mustExist(principal.conversationId);
      const streamUrl = await ctx.streamUrl(req, principal.conversationId);
      return reply.code(200).send({ ...tokenGrant(principal), streamUrl });
    }
    const user = bindableUser(principal, body?.user);
    const conversation = await ctx.openConversation(user);
    const grant = await ctx.issue(conversation.id, user);
    return reply.code(201).send({ ...grant, streamUrl: await ctx.streamUrl(req, conversation.id) });
  });

  app.get<{ Params: { id: string } }>('/v3/directline/conversations/:id', async (req) => {
    const principal = requireConversation(await who(req), req.params.id);
    const { watermark } = parseOrThrow(watermarkQuerySchema, req.query, 'query');
    if (watermark && !/^\d+$/.test(watermark)) throw new DeskbotError('bad_request', 'watermark must be a decimal number.');
    const conversation = await mustExist(req.params.id);
    const grant = principal.kind === 'token'
      ? tokenGrant(principal)
      : await ctx.issue(conversation.id, conversation.userId ? { id: conversation.userId } : undefined);
    return { ...grant, streamUrl: await ctx.streamUrl(req, conversation.id, watermark) };
  });

  app.post('/v3/directline/tokens/generate', async (req) => {
    const principal = await who(req);
    const body = parseOrThrow(conversationRequestSchema, req.body, 'request');
    if (principal?.kind === 'token') return ctx.issue(principal.conversationId, principal.user);
    const user = bindableUser(principal, body?.user);
    const conversation = await ctx.openConversation(user);
    return ctx.issue(conversation.id, user);
  });

  app.post('/v3/directline/tokens/refresh', async (req) => {
    const principal = await who(req);
    if (!principal) throw new DeskbotError('unauthorized', 'Refreshing needs "Authorization: Bearer <token>".');
    if (principal.kind !== 'token') throw new DeskbotError('bad_request', 'Only a token can be refreshed, not the secret.');
    await mustExist(principal.conversationId);
    return ctx.issue(principal.conversationId, principal.user);
  });

  app.post('/api/web/token', async () => {
    if (deps.secret) {
      throw new DeskbotError('forbidden', 'Guest web chat is off because a Direct Line secret is set; mint tokens with POST /v3/directline/tokens/generate.');
    }
    const conversation = await ctx.openConversation();
    return ctx.issue(conversation.id);
  });

  async function mustExist(id: string) {
    const conversation = await deps.store.getConversation(id);
    if (!conversation) throw new DeskbotError('not_found', 'No such conversation.');
    return conversation;
  }

  /**
   * Only the secret holder may bind a user. Without credentials the caller is a guest — allowed only when no secret is
   * configured — and asking to be someone is refused rather than ignored, so a misconfigured portal notices.
   */
  function bindableUser(principal: Principal | null, user: { id?: string; name?: string; email?: string } | undefined): BoundUser | undefined {
    if (principal?.kind === 'secret') return user?.id ? { id: user.id, name: user.name, email: user.email } : undefined;
    if (deps.secret) throw new DeskbotError('unauthorized', 'This needs "Authorization: Bearer <secret>".');
    if (user?.id) throw new DeskbotError('forbidden', 'Binding a user to a conversation needs the Direct Line secret.');
    return undefined;
  }
}

function tokenGrant(principal: Principal & { kind: 'token' }): ConversationGrant {
  return {
    conversationId: principal.conversationId,
    token: principal.token,
    expires_in: Math.max(0, principal.expiresAt - Math.floor(Date.now() / 1000)),
  };
}
