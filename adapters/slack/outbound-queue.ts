import type { SlackLogger } from './slack-channel-deps.js';

/** Posts to Slack, one channel after another in its own lane. */
export interface OutboundQueue {
  /**
   * Run a Web API call for `channel` after the lane's earlier calls and at least `paceMs` after the previous one; a
   * 429 is waited out for its `Retry-After` and the call made again, in place, so order holds and nothing is dropped.
   * @throws the call's own error (anything but a rate limit), or the rate limit after `maxRateLimitWaits` waits
   */
  run<T>(channel: string, call: () => Promise<T>): Promise<T>;
  /** Resolves once every call queued so far has settled. */
  drain(): Promise<void>;
}

export interface OutboundQueueOptions {
  /** Least time between two calls of one lane, in ms (Slack: about one message per second per channel). */
  paceMs: number;
  logger: SlackLogger;
  /** How many 429s in a row one call waits out before giving up. Default 50. */
  maxRateLimitWaits?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Seconds to wait when a call failed with Slack's 429, else null (@slack/web-api's WebAPIRateLimitedError). */
export function retryAfterSeconds(err: unknown): number | null {
  const e = err as { code?: unknown; retryAfter?: unknown } | null;
  return e && e.code === 'slack_webapi_rate_limited_error' && typeof e.retryAfter === 'number' ? Math.max(0, e.retryAfter) : null;
}

/**
 * A per-channel outbound queue. @slack/web-api can wait out a 429 by itself, but it pauses the whole client and gives
 * up after its retry policy, and it keeps no pace per channel: with `rejectRateLimitedCalls` it hands the 429 here,
 * where only the channel that hit the limit waits.
 */
export function createOutboundQueue(options: OutboundQueueOptions): OutboundQueue {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxWaits = options.maxRateLimitWaits ?? 50;
  const lanes = new Map<string, { tail: Promise<unknown>; lastAt: number }>();
  const pending = new Set<Promise<unknown>>();

  async function attempt<T>(channel: string, call: () => Promise<T>): Promise<T> {
    for (let waits = 0; ; waits++) {
      try {
        return await call();
      } catch (err) {
        const seconds = retryAfterSeconds(err);
        if (seconds === null || waits >= maxWaits) throw err;
        options.logger.warn({ channel, retryAfter: seconds }, 'Slack rate limit: waiting before posting again');
        await sleep(seconds * 1000);
      }
    }
  }

  return {
    run(channel, call) {
      const lane = lanes.get(channel) ?? { tail: Promise.resolve(), lastAt: 0 };
      lanes.set(channel, lane);
      const task = lane.tail.catch(() => undefined).then(async () => {
        const wait = lane.lastAt + options.paceMs - Date.now();
        if (wait > 0) await sleep(wait);
        try {
          return await attempt(channel, call);
        } finally {
          lane.lastAt = Date.now();
        }
      });
      lane.tail = task;
      pending.add(task);
      const settle = () => {
        pending.delete(task);
        // Forget an idle lane once its pace has passed, so the map holds only busy channels.
        setTimeout(() => { if (lane.tail === task) lanes.delete(channel); }, options.paceMs).unref();
      };
      task.then(settle, settle);
      return task;
    },
    async drain() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}
