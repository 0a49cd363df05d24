import Fastify, { type FastifyInstance } from 'fastify';
import fastifyWebsocket from '@fastify/websocket';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createInboundJournal } from '../../src/conversation/inbound-journal.js';
import type { InboundMessage, TurnResult } from '../../src/core/index.js';
import { createFakeTurnHandler } from '../support/fake-turn-handler.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startSlackHarness, type SlackHarness } from './support/slack-harness.js';

// Socket Mode acknowledges an event by envelope id before the turn runs, like the HTTP receiver: the journal row must
// exist by the time the ack leaves, and go once the turn is done.

const bot = { userId: 'U222', botId: 'B222', team: 'T222' };
let db: TestDatabase;
let wss: FastifyInstance;
let socket: { send(data: string): void } | null = null;
const received: any[] = [];
let h: SlackHarness;
let release: () => void = () => undefined;
const held = new Promise<void>((resolve) => { release = resolve; });
const fake = createFakeTurnHandler();

beforeAll(async () => {
  db = await createTestDatabase();
  wss = Fastify();
  await wss.register(fastifyWebsocket);
  wss.get('/link', { websocket: true }, (ws) => {
    socket = ws;
    ws.on('message', (data: Buffer) => received.push(JSON.parse(data.toString('utf8'))));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'stand-in' }, connection_info: { app_id: 'A222' } }));
  });
  const wsUrl = (await wss.listen({ port: 0, host: '127.0.0.1' })).replace('http://', 'ws://');
  h = await startSlackHarness({
    // The turn waits until the test has seen the ack: the row cannot have been settled by then.
    turns: { async handle(m: InboundMessage): Promise<TurnResult> { await held; return fake.handle(m); } },
    bot, appToken: 'xapp-test-token', answers: { 'apps.connections.open': () => ({ ok: true, url: `${wsUrl}/link` }) },
    journal: { store: createInboundJournal(db.prisma), replay: { afterMs: 60_000, everyMs: 3_600_000 } },
  });
  await h.api.waitFor(() => socket, 10_000, 'the Socket Mode connection');
}, 60_000);
afterAll(async () => {
  release();
  await h?.close();
  await wss?.close();
  await db?.drop();
});

test('over Socket Mode the event is journaled by the time it is acknowledged, and the row goes once the turn is done', async () => {
  const envelopeId = 'b1b2c3d4-0000-4000-8000-000000000001';
  socket!.send(JSON.stringify({
    envelope_id: envelopeId, type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '',
    payload: {
      team_id: 'T222', api_app_id: 'A222', type: 'event_callback', event_id: 'Ev0SOCKJ01', event_time: 1767400000,
      event: { type: 'message', channel: 'D0SOCKJ001', channel_type: 'im', user: 'U0SOCKJ001', text: 'hello, journal', ts: '1767400000.000200' },
    },
  }));
  await h.api.waitFor(() => received.find((m) => m.envelope_id === envelopeId), 10_000, 'the ack');
  const row = await db.prisma.inboundJournal.findUnique({ where: { channel_eventId: { channel: 'slack', eventId: 'Ev0SOCKJ01' } } });
  expect(row?.body).toMatchObject({ event_id: 'Ev0SOCKJ01', event: { text: 'hello, journal' } });

  release();
  await h.api.waitFor((calls) => calls.find((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0SOCKJ001'));
  await h.slack.idle();
  expect(await db.prisma.inboundJournal.count()).toBe(0);
});
