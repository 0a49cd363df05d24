import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { RateLimitRedis } from '../../../adapters/web/index.js';
import { createFailFastRedis, type Redis } from '../../../src/redis/connection.js';

/** The test Redis (TEST_REDIS_URL, else the machine's). */
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A fail-fast connection, as the composition root gives the web channel, to `url` (the test Redis by default),
 * ready before it is returned unless `wait` is false (for a Redis that is not there). Errors are left to the channel.
 */
export async function rateLimitConnection(url = testRedisUrl, wait = true): Promise<Redis> {
  const redis = createFailFastRedis(url);
  redis.on('error', () => undefined);
  if (wait && redis.status !== 'ready') await once(redis, 'ready');
  return redis;
}

/** Where one test's servers count: `redis` under a prefix no other test or deployment uses. */
export function countIn(redis: Redis): RateLimitRedis {
  return { redis, prefix: `test-rate-limit:${randomUUID()}:` };
}
