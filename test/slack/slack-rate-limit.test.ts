import { afterEach, describe, expect, test } from 'vitest';
import pino from 'pino';
import { createOutboundQueue } from '../../adapters/slack/outbound-queue.js';
import { createFakeTurnHandler } from '../support/fake-turn-handler.js';
import { eventCallback, startSlackHarness, type SlackHarness } from './support/slack-harness.js';

const silent = pino({ level: 'silent' });
let h: SlackHarness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

const rateLimited = (seconds: number) => Object.assign(new Error('rate limited'), { code: 'slack_webapi_rate_limited_error', retryAfter: seconds });

describe('rate limits', () => {
  test('a 429 with Retry-After: the reply arrives later, once', async () => {
    h = await startSlackHarness({ turns: createFakeTurnHandler() });
    h.api.rateLimit('chat.postMessage', 1, 1);
    const res = await h.post(eventCallback({ type: 'message', channel: 'D0RATE0001', channel_type: 'im', user: 'U0RATE0001', text: 'hi', ts: '1767100000.000100' }, 'Ev0RATE001'));
    expect(res.status).toBe(200);
    await h.slack.idle();
    const attempts = h.api.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0RATE0001');
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(attempts[1]?.body.text).toContain('You said: hi');
  });

  test('the queue waits out Retry-After for that channel only, keeps each channel in order, and gives up only after many waits', async () => {
    const waits: number[] = [];
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const queue = createOutboundQueue({
      paceMs: 0, logger: silent, maxRateLimitWaits: 2,
      sleep: async (ms) => { waits.push(ms); await gate; },
    });
    let failures = 0;
    const limitedOnce = queue.run('C_A', async () => {
      if (failures++ === 0) throw rateLimited(3);
      order.push('A1');
    });
    const afterIt = queue.run('C_A', async () => { order.push('A2'); });
    await queue.run('C_B', async () => { order.push('B1'); });
    // Channel B went out while channel A waited for its Retry-After.
    expect(order).toEqual(['B1']);
    expect(waits).toEqual([3000]);
    release();
    await Promise.all([limitedOnce, afterIt]);
    expect(order).toEqual(['B1', 'A1', 'A2']);

    await expect(queue.run('C_C', async () => { throw rateLimited(1); })).rejects.toMatchObject({ retryAfter: 1 });
    await expect(queue.run('C_C', async () => { throw new Error('channel_not_found'); })).rejects.toThrow('channel_not_found');
    await queue.drain();
  });

  test('posts to one channel keep the pace', async () => {
    const waits: number[] = [];
    const queue = createOutboundQueue({ paceMs: 1000, logger: silent, sleep: async (ms) => { waits.push(ms); } });
    await Promise.all([queue.run('C_P', async () => 1), queue.run('C_P', async () => 2), queue.run('C_Q', async () => 3)]);
    // The second post to C_P waited for the pace; the first posts of C_P and C_Q did not.
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(900);
  });
});
