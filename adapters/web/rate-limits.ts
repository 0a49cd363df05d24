import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import type { Redis } from 'ioredis';
import { DeskbotError } from '../../src/core/index.js';
import { holdsSecret } from './authenticate.js';
import type { WebLogger } from './web-channel-deps.js';

/** How many requests one client address may make to a route per window; `max` 0 turns the limit off. */
export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/** 60 token requests a minute per client address and route: room for an office behind one NAT address, not for a flood. */
export const defaultTokenRateLimit: RateLimit = { max: 60, windowSeconds: 60 };

/**
 * 60 conversation starts a minute per client address: each page load of Web Chat starts (or resumes) one, so a
 * shared office address fits; a script opening conversations (and, without a secret, guest rows) in a loop does not.
 */
export const defaultConversationRateLimit: RateLimit = { max: 60, windowSeconds: 60 };

/** Route options that put a route under one of the limits; `{}` for a limit that is off. */
export interface LimitedRoutes {
  /** `/api/web/token`, `/v3/directline/tokens/generate` and `/refresh` (each route counted on its own). */
  tokens: RouteShorthandOptions;
  /** `POST /v3/directline/conversations`. */
  conversations: RouteShorthandOptions;
}

/** The Redis the limits count in, so every instance behind a load balancer adds to the same count. */
export interface RateLimitRedis {
  /**
   * A connection that fails fast (no offline queue, a command timeout; the composition root's `rateLimitRedis`): a
   * count Redis cannot take at once lets the request through instead of holding it.
   */
  redis: Redis;
  /** Start of the keys (`<prefix><METHOD><route>-<address>`), so deployments and tests sharing a Redis count apart. */
  prefix: string;
}

/**
 * Limit the routes that mint tokens and the one that starts conversations to `max` requests per `windowSeconds` per
 * client address (`request.ip`, so TRUST_PROXY decides behind a proxy; IPv6 by /64 subnet, the plugin's default) and
 * route, with @fastify/rate-limit: counted in Redis when `shared` is given (one count across instances), else in this
 * instance's memory. Over a limit: 429, `Retry-After` (seconds) and `{ error: { code: 'rate_limited', message } }` through the
 * scope's error handler. Requests carrying the Direct Line secret are never limited: that is the host page's backend,
 * minting tokens and starting conversations for all its employees from one address. Requests with a conversation
 * token are counted like any other. While Redis fails, requests are served unlimited and `logger` gets one warning
 * per outage: the chat stays up.
 * @returns the route options for each group of routes
 */
export async function registerRateLimits(
  scope: FastifyInstance, limits: { tokens: RateLimit; conversations: RateLimit }, secret: string | undefined,
  options: { shared?: RateLimitRedis; logger: WebLogger },
): Promise<LimitedRoutes> {
  if (limits.tokens.max <= 0 && limits.conversations.max <= 0) return { tokens: {}, conversations: {} };
  const { shared } = options;
  if (shared) warnWhileDown(scope, shared.redis, options.logger);
  await scope.register(rateLimit, {
    global: false,
    allowList: (request) => holdsSecret(request.headers.authorization, secret),
    ...(shared ? { redis: shared.redis, nameSpace: shared.prefix } : {}),
    skipOnError: true,
  });
  return {
    tokens: routeOptions(limits.tokens, 'token requests'),
    conversations: routeOptions(limits.conversations, 'new conversations'),
  };
}

// One warning when the connection fails and one line when it is back, not one per request served unlimited.
function warnWhileDown(scope: FastifyInstance, redis: Redis, logger: WebLogger): void {
  let down = false;
  const onError = (err: Error) => {
    if (!down) logger.warn({ err: err.message }, 'Redis unreachable: web chat rate limits are not enforced until it is back');
    down = true;
  };
  const onReady = () => {
    if (down) logger.info({}, 'Redis is back: web chat rate limits are enforced again');
    down = false;
  };
  redis.on('error', onError);
  redis.on('ready', onReady);
  // The connection outlives the server (the composition root owns it): leave no listeners behind.
  scope.addHook('onClose', async () => {
    redis.off('error', onError);
    redis.off('ready', onReady);
  });
}

function routeOptions(limit: RateLimit, what: string): RouteShorthandOptions {
  if (limit.max <= 0) return {};
  return {
    config: {
      rateLimit: {
        max: limit.max,
        timeWindow: limit.windowSeconds * 1000,
        errorResponseBuilder: (_request, context) => new DeskbotError(
          'rate_limited', `Too many ${what} from this address; try again in ${Math.max(1, Math.ceil(context.ttl / 1000))} s.`,
        ),
      },
    },
  };
}
