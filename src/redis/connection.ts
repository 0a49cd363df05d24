import { Redis } from 'ioredis';

export type { Redis };

/**
 * Open an ioredis client for BullMQ and the app. `maxRetriesPerRequest: null` is what BullMQ requires of the
 * connections it is given (commands wait for a reconnect instead of failing).
 * @param url `redis://[:password@]host:port[/db]`
 */
export function createRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/**
 * Open an ioredis client for checks on the request path (rate limits) that must never wait for Redis: while it is
 * unreachable a command fails at once (no offline queue, no retries), and one the server does not answer fails after
 * `commandTimeoutMs`. Callers decide what a failure means (the rate limits serve the request).
 * @param url `redis://[:password@]host:port[/db]`
 * @param commandTimeoutMs how long a command may take before it fails (default 500)
 */
export function createFailFastRedis(url: string, commandTimeoutMs = 500): Redis {
  return new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: commandTimeoutMs });
}

/**
 * Check Redis answers PING, for readiness probes.
 * @param timeoutMs give up after this many milliseconds (default 1000): with `maxRetriesPerRequest: null` a PING to a
 *   Redis that is down would otherwise wait for the reconnect forever
 * @returns true on PONG in time, false otherwise (never throws)
 */
export async function pingRedis(redis: Redis, timeoutMs = 1000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = redis.ping().then((reply) => reply === 'PONG').catch(() => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
