import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyWebsocket from '@fastify/websocket';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createFakeTurnHandler, type FakeTurnHandler } from '../support/fake-turn-handler.js';
import { startSlackHarness, type SlackHarness } from './support/slack-harness.js';

const sharedDir = path.resolve(import.meta.dirname, '../../../shared/fixtures/slack-socket-mode');
const bot = { userId: 'U111', botId: 'B111', team: 'T111' };

/** A stand-in for Slack's Socket Mode endpoint: says hello, sends frames, records what the app sends back. */
let wss: FastifyInstance;
let socket: { send(data: string): void } | null = null;
const received: any[] = [];
let h: SlackHarness;
let turns: FakeTurnHandler;

beforeAll(async () => {
  wss = Fastify();
  await wss.register(fastifyWebsocket);
  wss.get('/link', { websocket: true }, (ws) => {
    socket = ws;
    ws.on('message', (data: Buffer) => received.push(JSON.parse(data.toString('utf8'))));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'stand-in' }, connection_info: { app_id: 'A111' } }));
  });
  const wsUrl = (await wss.listen({ port: 0, host: '127.0.0.1' })).replace('http://', 'ws://');
  turns = createFakeTurnHandler();
  h = await startSlackHarness({
    turns, bot, appToken: 'xapp-test-token', answers: { 'apps.connections.open': () => ({ ok: true, url: `${wsUrl}/link` }) },
  });
  await h.api.waitFor(() => socket, 10_000, 'the Socket Mode connection');
}, 60_000);
afterAll(async () => {
  await h?.close();
  await wss?.close();
});

async function sendFrame(frame: string): Promise<string> {
  const envelopeId = (JSON.parse(frame) as { envelope_id: string }).envelope_id;
  socket!.send(frame);
  await h.api.waitFor(() => received.find((m) => m.envelope_id === envelopeId), 10_000, `the ack of ${envelopeId}`);
  return envelopeId;
}

test('over Socket Mode an event is acknowledged by envelope id and answered through the Web API', async () => {
  expect(h.api.of('apps.connections.open').length).toBeGreaterThan(0);
  expect(h.api.of('apps.connections.open')[0]?.authorization).toBe('Bearer xapp-test-token');
  await sendFrame(JSON.stringify({
    envelope_id: 'a1b2c3d4-0000-4000-8000-000000000001', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '',
    payload: {
      team_id: 'T111', api_app_id: 'A111', type: 'event_callback', event_id: 'Ev0SOCK001', event_time: 1767400000,
      event: { type: 'message', channel: 'D0SOCK0001', channel_type: 'im', user: 'U0SOCK0001', text: 'hello over a socket', ts: '1767400000.000100' },
    },
  }));
  const reply = await h.api.waitFor((calls) => calls.find((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0SOCK0001'));
  expect(reply.body.text).toContain('You said: hello over a socket');
});

test.skipIf(!existsSync(sharedDir))('every frame of the shared Socket Mode fixtures is acknowledged with its envelope id', async () => {
  for (const file of readdirSync(sharedDir).filter((f) => f.endsWith('.json')).sort()) {
    const fixture = JSON.parse(readFileSync(path.join(sharedDir, file), 'utf8')) as { frame: string; expect: { ack: { envelope_id: string } } };
    expect(await sendFrame(fixture.frame)).toBe(fixture.expect.ack.envelope_id);
  }
  // The retried app_mention of <@U111> by U222 reached the pipeline once, with the mention removed.
  await h.api.waitFor((calls) => calls.find((c) => c.method === 'chat.postMessage' && c.body.channel === 'C111'));
  expect(turns.received.filter((m) => m.eventId === 'C111:1610241741.000200').map((m) => m.text)).toEqual(['']);
});
