import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFakeTurnHandler, type FakeTurnHandler } from '../support/fake-turn-handler.js';
import { eventCallback, formEncoded, startSlackHarness, testBot, type SlackHarness } from './support/slack-harness.js';

let h: SlackHarness;
let turns: FakeTurnHandler;
beforeAll(async () => {
  turns = createFakeTurnHandler();
  h = await startSlackHarness({ turns });
});
afterAll(async () => { await h?.close(); });

const dm = (text: string, ts: string) => ({ type: 'message', channel: 'D0EMPLOYE1', channel_type: 'im', user: 'U0EMPLOYE1', text, ts, event_ts: ts });

describe('POST /slack/events', () => {
  test('the bot token was checked with auth.test at start', () => {
    expect(h.api.of('auth.test')).toHaveLength(1);
    expect(h.api.of('auth.test')[0]?.authorization).toBe('Bearer xoxb-test-token');
  });

  test('url_verification echoes the challenge and dispatches nothing', async () => {
    const res = await h.post(JSON.stringify({ token: 't', challenge: 'abc123challenge', type: 'url_verification' }));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ challenge: 'abc123challenge' });
    expect(turns.received).toHaveLength(0);
  });

  test('a bad signature, a stale or future timestamp, or no signature: 401 and nothing dispatched', async () => {
    const body = eventCallback(dm('hello', '1700000000.000100'), 'Ev0FORGED1');
    const now = Math.floor(Date.now() / 1000);
    expect((await h.post(body, { secret: 'not-the-secret' })).status).toBe(401);
    expect((await h.post(body, { timestamp: now - 6 * 60 })).status).toBe(401);
    expect((await h.post(body, { timestamp: now + 6 * 60 })).status).toBe(401);
    const unsigned = await h.post(body, { secret: null });
    expect(unsigned.status).toBe(401);
    expect(unsigned.json.error.code).toBe('unauthorized');
    await h.slack.idle();
    expect(turns.received).toHaveLength(0);
  });

  test('a signed but malformed body: 400; an unknown content type: 400; an oversized one: 413', async () => {
    expect((await h.post('{"type": "event_callback", ')).status).toBe(400);
    expect((await h.post(JSON.stringify({ hello: 'world' }))).status).toBe(400);
    expect((await h.post('payload=%7Bnot-json', { contentType: formEncoded })).status).toBe(400);
    expect((await h.post('<xml/>', { contentType: 'application/xml' })).status).toBe(400);
    expect((await h.post(JSON.stringify({ type: 'x', pad: 'x'.repeat(2 * 1024 * 1024) }))).status).toBe(413);
  });

  test('Slack\'s unsigned ssl_check is answered 200', async () => {
    const res = await h.post('ssl_check=1&token=abc', { contentType: formEncoded, secret: null });
    expect(res.status).toBe(200);
  });

  test('a DM is acknowledged with an empty 200 and answered once with chat.postMessage; its retry is not', async () => {
    const body = eventCallback(dm('hello there', '1700000001.000200'), 'Ev0DM00001');
    const first = await h.post(body);
    expect(first.status).toBe(200);
    expect(first.text).toBe('');
    await h.slack.idle();
    const retry = await h.post(body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    await h.slack.idle();
    const posts = h.api.of('chat.postMessage').filter((c) => c.body.channel === 'D0EMPLOYE1');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body.text).toContain('You said: hello there');
    expect(posts[0]?.body.thread_ts).toBeUndefined();
    expect(turns.received.filter((m) => m.eventId === 'D0EMPLOYE1:1700000001.000200')).toHaveLength(1);
  });

  test('the bot\'s own post echoed back (bot_id, no subtype) is not answered', async () => {
    const own = { ...dm('Processing...', '1700000002.000300'), user: testBot.userId, bot_id: testBot.botId };
    expect((await h.post(eventCallback(own, 'Ev0OWN0001'))).status).toBe(200);
    await h.slack.idle();
    expect(turns.received.some((m) => m.text === 'Processing...')).toBe(false);
  });
});
