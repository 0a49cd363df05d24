import fastifyWebsocket from '@fastify/websocket';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import { DeskbotError, type ChannelAdapter } from '../../src/core/index.js';
import { registerActivityRoutes } from './activity-routes.js';
import { registerChatPageRoutes } from './chat-page-routes.js';
import { registerConversationRoutes } from './conversation-routes.js';
import { toErrorResponse } from './http-error.js';
import { createActivityPoster } from './post-activity.js';
import { registerStreamRoute } from './stream-route.js';
import { registerTokenRoutes } from './token-routes.js';
import { registerDirectLineCors } from './cors.js';
import { registerPageTokenRoute } from './page-token-route.js';
import { defaultConversationRateLimit, defaultTokenRateLimit, registerRateLimits } from './rate-limits.js';
import { registerSignIn } from './sign-in/register-sign-in.js';
import { createStreamHub, type StreamHub } from './stream-hub.js';
import { createTranscriptWriter } from './transcript-writer.js';
import { createWebChannelAdapter } from './web-channel-adapter.js';
import { createWebChannelContext } from './web-channel-context.js';
import type { WebChannelDeps } from './web-channel-deps.js';

/** What registering the web channel gives back to the composition root. */
export interface WebChannel {
  /** Proactive sends into web conversations, pushed to open streams. */
  adapter: ChannelAdapter;
  /** The hub the routes use (the one from deps, or a new one). */
  streams: StreamHub;
}

/**
 * Mount the web channel on a Fastify instance: Direct Line 3.0 (REST and WebSocket stream, CORS open to bearer
 * tokens) under `/v3/directline`, the chat page's token route `POST /api/web/token`, OpenID Connect sign-in under
 * `/auth` when `deps.signIn` is set, and the chat page at `GET /`. Registers @fastify/websocket unless the
 * instance already has it. Routes live in their own encapsulated context, so its error handler — every error as
 * `{ error: { code, message } }` — does not touch other routes.
 * @throws DeskbotError `config_invalid` when `tokenKey` is shorter than 32 bytes or `tokenTtlSeconds` is not positive;
 *   `dependency_missing` when botframework-webchat's bundle is missing
 */
export async function registerWebChannel<Logger extends FastifyBaseLogger>(
  app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger>,
  deps: WebChannelDeps,
): Promise<WebChannel> {
  if (deps.tokenKey.byteLength < 32) throw new DeskbotError('config_invalid', 'The web channel token key needs at least 32 bytes.');
  if (!(deps.tokenTtlSeconds > 0)) throw new DeskbotError('config_invalid', 'tokenTtlSeconds must be a positive number of seconds.');
  const streams = deps.streams ?? createStreamHub();
  const write = createTranscriptWriter(deps.store, streams);
  const ctx = createWebChannelContext(deps, streams, write);
  const post = createActivityPoster({ ...deps, write, maxTextLength: deps.maxTextLength ?? 20_000 });
  // The routes never touch the request logger, so any logger type the root instance was built with will do.
  const root = app as unknown as FastifyInstance;
  if (!root.hasDecorator('websocketServer')) await root.register(fastifyWebsocket);
  await root.register(async (scope) => {
    scope.setErrorHandler((err, req, reply) => {
      const { status, body } = toErrorResponse(err, deps.logger, req.url);
      return reply.code(status).send(body);
    });
    registerDirectLineCors(scope);
    const limited = await registerRateLimits(scope, {
      tokens: deps.tokenRateLimit ?? defaultTokenRateLimit, conversations: deps.conversationRateLimit ?? defaultConversationRateLimit,
    }, deps.secret, { shared: deps.rateLimitRedis, logger: deps.logger });
    registerConversationRoutes(scope, ctx, limited.conversations);
    registerTokenRoutes(scope, ctx, limited.tokens);
    registerPageTokenRoute(scope, ctx, await registerSignIn(scope, deps), limited.tokens);
    registerActivityRoutes(scope, ctx, post);
    registerStreamRoute(scope, ctx);
    await registerChatPageRoutes(scope);
  });
  return { adapter: createWebChannelAdapter(deps.store, streams), streams };
}
