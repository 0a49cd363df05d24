import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import { DeskbotError } from '../../src/core/index.js';
import { holdsSecret } from './authenticate.js';

/** How many token requests one client address may make per window, per route; `max` 0 turns the limit off. */
export interface TokenRateLimit {
  max: number;
  windowSeconds: number;
}

/** 60 token requests a minute per client address and route: room for an office behind one NAT address, not for a flood. */
export const defaultTokenRateLimit: TokenRateLimit = { max: 60, windowSeconds: 60 };

/**
 * Limit the routes that mint tokens (and open conversations) to `limit.max` requests per `limit.windowSeconds` per
 * client address (`request.ip`; IPv6 by /56 subnet), with @fastify/rate-limit in this instance's memory. Over the
 * limit: 429, `Retry-After` (seconds) and `{ error: { code: 'rate_limited', message } }` through the scope's error
 * handler. Requests carrying the Direct Line secret are not limited: that is the host page's backend minting tokens
 * for all its employees from one address.
 * @returns the route options that put a route under the limit (empty when the limit is off)
 */
export async function registerTokenRateLimit(scope: FastifyInstance, limit: TokenRateLimit, secret: string | undefined): Promise<RouteShorthandOptions> {
  if (limit.max <= 0) return {};
  await scope.register(rateLimit, {
    global: false,
    allowList: (request) => holdsSecret(request.headers.authorization, secret),
    errorResponseBuilder: (_request, context) => new DeskbotError(
      'rate_limited', `Too many token requests from this address; try again in ${Math.max(1, Math.ceil(context.ttl / 1000))} s.`,
    ),
  });
  return { config: { rateLimit: { max: limit.max, timeWindow: limit.windowSeconds * 1000 } } };
}
