import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { Activity, DirectLine } from 'botframework-directlinejs';
import { nodeDirectLine, post, record, stateOf } from './helpers/node-direct-line.js';
import { startWebServer, type WebServer } from './helpers/start-web-server.js';

let server: WebServer;
let open: DirectLine[] = [];
beforeAll(async () => { server = await startWebServer(); });
afterAll(async () => { await server?.close(); });
afterEach(() => { for (const dl of open) dl.end(); open = []; });

async function guestToken(): Promise<{ token: string; conversationId: string }> {
  const res = await fetch(`${server.url}/api/web/token`, { method: 'POST' });
  expect(res.status).toBe(200);
  return (await res.json()) as { token: string; conversationId: string };
}

function client(options: Partial<Parameters<typeof nodeDirectLine>[0]> & { webSocket: boolean }): DirectLine {
  const dl = nodeDirectLine({ domain: `${server.url}/v3/directline`, ...options });
  open.push(dl);
  return dl;
}

// The library's Activity typings lack replyToId, messageBack fields and more; tests read activities as plain JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Message = Record<string, any>;

const texts = (all: Activity[]) => all.map((a) => (a as Message).text);
const hasText = (text: string) => (all: Activity[]) => all.some((a) => (a as Message).text === text);

for (const webSocket of [false, true]) {
  describe(webSocket ? 'over the WebSocket stream' : 'by polling with a watermark', () => {
    test('starts a conversation, echoes the message and delivers the reply', async () => {
      const { token } = await guestToken();
      const dl = client({ token, webSocket });
      expect((dl as unknown as { webSocket: boolean }).webSocket).toBe(webSocket);
      const rec = record(dl);
      const id = await post(dl, { type: 'message', from: { id: 'someone' }, text: 'hello' });
      const all = await rec.waitFor(hasText('You said: hello'));
      expect(texts(all)).toEqual([expect.stringContaining("I'm deskbot"), 'hello', 'You said: hello']);
      const [, echo, reply] = all as Message[];
      expect(echo!.id).toBe(id);
      expect(echo!.from.role).toBe('user');
      expect(reply!.from).toEqual({ id: 'deskbot', name: 'deskbot', role: 'bot' });
      expect(reply!.replyToId).toBe(id);
      expect(reply!.suggestedActions?.actions.map((a: Message) => a.title)).toEqual(['Show an article', 'Open a ticket']);
      expect((reply!.channelData as { deskbot: { kind: string } }).deskbot.kind).toBe('question');
      expect(server.turns.received.at(-1)?.sender).toEqual({ externalId: `guest:${stateOf(dl).conversationId}`, verified: false });
    });
  });
}

test('a suggested action posts its value back as the action', async () => {
  const { token } = await guestToken();
  const dl = client({ token, webSocket: true });
  const rec = record(dl);
  await post(dl, { type: 'message', from: { id: 'someone' }, text: 'hi' });
  const [action] = ((await rec.waitFor(hasText('You said: hi'))).at(-1) as Message).suggestedActions!.actions;
  await post(dl, {
    type: 'message', from: { id: 'someone' }, text: action!.text as string,
    value: action!.value, channelData: { messageBack: { displayText: action!.displayText } },
  } as Activity);
  const reply = (await rec.waitFor(hasText('This article may help:'))).at(-1) as Message;
  expect(reply.attachments?.[0]).toMatchObject({ contentType: 'application/vnd.microsoft.card.hero', content: { title: 'Reset your password' } });
  expect(server.turns.received.at(-1)?.action).toEqual({ value: 'article' });
  expect(server.turns.received.at(-1)?.text).toBe('Show an article');
});

test('reconnecting with a watermark delivers only what came after it', async () => {
  const { token, conversationId } = await guestToken();
  const first = client({ token, webSocket: false });
  const rec = record(first);
  await post(first, { type: 'message', from: { id: 'someone' }, text: 'one' });
  await rec.waitFor(hasText('You said: one'));
  const { watermark } = stateOf(first);
  first.end();
  await fetch(`${server.url}/v3/directline/conversations/${conversationId}/activities`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', from: { id: 'someone' }, text: 'two' }),
  });
  for (const webSocket of [false, true]) {
    const again = client({ token, conversationId, watermark, webSocket });
    const all = await record(again).waitFor(hasText('You said: two'));
    expect(texts(all)).toEqual(['two', 'You said: two']);
  }
});

test('proactive sends through the channel adapter reach an open stream', async () => {
  const { token, conversationId } = await guestToken();
  const dl = client({ token, webSocket: true });
  const rec = record(dl);
  await rec.waitFor((all) => all.length >= 1);
  await server.channel.adapter.send({ conversationId }, [{ text: 'An agent replied: try restarting.' }]);
  const reply = (await rec.waitFor(hasText('An agent replied: try restarting.'))).at(-1) as Message;
  expect(reply.from.role).toBe('bot');
  expect(reply.replyToId).toBeUndefined();
  await expect(server.channel.adapter.send({ conversationId: 'gone' }, [{ text: 'x' }])).rejects.toMatchObject({ code: 'channel_send_failed' });
  await expect(server.channel.adapter.send({}, [{ text: 'x' }])).rejects.toMatchObject({ code: 'channel_send_failed' });
});

test('the stream refuses a missing or foreign token before upgrading', async () => {
  const a = await guestToken();
  const b = await guestToken();
  const status = (url: string) => new Promise<number>((resolve) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => { resolve(res.statusCode ?? 0); ws.terminate(); });
    ws.on('open', () => { resolve(101); ws.close(); });
    ws.on('error', () => undefined);
  });
  const base = server.url.replace('http', 'ws');
  const start = await fetch(`${server.url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${b.token}` } });
  const { streamUrl } = (await start.json()) as { streamUrl: string };
  expect(await status(`${base}/v3/directline/conversations/${a.conversationId}/stream`)).toBe(401);
  expect(await status(`${base}/v3/directline/conversations/${a.conversationId}/stream?t=${new URL(streamUrl).searchParams.get('t')}`)).toBe(403);
  expect(await status(streamUrl)).toBe(101);
});

test('the stream sends one activity per frame, in order, with rising watermarks', async () => {
  const { token, conversationId } = await guestToken();
  const start = await fetch(`${server.url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  const { streamUrl } = (await start.json()) as { streamUrl: string };
  const frames: { activities: Message[]; watermark: string }[] = [];
  const ws = new WebSocket(streamUrl);
  const replied = new Promise<void>((resolve) => ws.on('message', (data) => {
    frames.push(JSON.parse(String(data)));
    if (frames.at(-1)!.activities.some((a) => a.text === 'You said: in order')) resolve();
  }));
  await new Promise((resolve) => ws.once('open', resolve));
  await fetch(`${server.url}/v3/directline/conversations/${conversationId}/activities`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text: 'in order' }),
  });
  await replied;
  ws.close();
  expect(frames.map((f) => f.activities.length)).toEqual([1, 1, 1]);
  expect(frames.map((f) => f.activities[0]!.text)).toEqual([expect.stringContaining('deskbot'), 'in order', 'You said: in order']);
  const marks = frames.map((f) => BigInt(f.watermark));
  expect(marks[0]! < marks[1]! && marks[1]! < marks[2]!).toBe(true);
});
