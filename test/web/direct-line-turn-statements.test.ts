import { randomBytes, randomUUID } from 'node:crypto';
import fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { registerWebChannel } from '../../adapters/web/index.js';
import { createServiceHolder } from '../../src/app/service-holder.js';
import { createPipeline } from '../../src/conversation/pipeline.js';
import { loadRequestForms } from '../../src/conversation/request-forms.js';
import { createBridgeHook, createEscalationHook } from '../../src/escalation/index.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { redactSecrets } from '../../src/redaction/redact.js';
import { seedIfEmpty } from '../../src/seed/seed-if-empty.js';
import { createPrismaTranscriptStore } from '../../src/transcripts/prisma-transcript-store.js';
import { createCountingPrisma, type CountingPrisma } from '../support/counting-prisma.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

// Statements one Direct Line message turn may send, BEGIN and COMMIT included: every one is a round trip the reply
// waits for, and the paced p99 at 100 conversations (`npm run bench direct-line`) is mostly those round trips.
// Question: echo (with the retry look-up), BEGIN, sender + conversation lock + event, article body, turn store, COMMIT,
// replies; the incident opens a ticket and alerts agents instead of reading an article. Before: 10 and 11.
const questionTurnStatements = 7;
const incidentTurnStatements = 8;

let db: TestDatabase;
let counting: CountingPrisma;
let app: FastifyInstance;
let url: string;

// The web channel and the pipeline wired as the composition root wires them (escalation hooks, request forms), on a
// Prisma client that records every statement.
beforeAll(async () => {
  db = await createTestDatabase();
  await seedIfEmpty(db.prisma);
  counting = createCountingPrisma(db.url);
  const services = await createServiceHolder(counting.prisma, {
    thresholds: { act: 0.6, confirm: 0.3 }, metrics: createMetrics(),
    escalate: createEscalationHook(), bridge: createBridgeHook(), requestForms: loadRequestForms(),
  });
  const turns = createPipeline({ prisma: counting.prisma, services: services.current, logger: pino({ level: 'silent' }) });
  app = fastify();
  const silent = () => undefined;
  await registerWebChannel(app, {
    turns, store: createPrismaTranscriptStore(counting.prisma), tokenKey: new Uint8Array(randomBytes(32)), tokenTtlSeconds: 1800,
    redact: (text) => redactSecrets(text).text, logger: { info: silent, warn: silent, error: silent },
  });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app?.close();
  await counting?.close();
  await db?.drop();
});

interface Chat {
  /** Post a message as Web Chat does (with a clientActivityID); resolves to the user activity's id. */
  post(text: string): Promise<string>;
  /** The bot's reply activities to the user activity `id`. */
  repliesTo(id: string): Promise<Array<Record<string, unknown>>>;
}

async function startChat(): Promise<Chat> {
  const started = await fetch(`${url}/v3/directline/conversations`, { method: 'POST' });
  const { conversationId, token } = (await started.json()) as { conversationId: string; token: string };
  const activities = `${url}/v3/directline/conversations/${conversationId}/activities`;
  const authorization = `Bearer ${token}`;
  return {
    async post(text) {
      const body = JSON.stringify({ type: 'message', from: { id: 'employee' }, text, channelData: { clientActivityID: randomUUID() } });
      const posted = await fetch(activities, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body });
      expect(posted.status).toBe(200);
      return ((await posted.json()) as { id: string }).id;
    },
    async repliesTo(id) {
      const page = (await (await fetch(activities, { headers: { authorization } })).json()) as { activities: Array<Record<string, unknown>> };
      return page.activities.filter((a) => a.replyToId === id);
    },
  };
}

/**
 * The statements one `POST …/activities` of `text` sends (the bot has replied when it returns), after a first message
 * made the employee and the conversation, and the reply texts.
 */
async function turn(text: string): Promise<{ statements: string[]; replies: string[] }> {
  const chat = await startChat();
  await chat.post('hello');
  counting.reset();
  const id = await chat.post(text);
  const statements = [...counting.statements];
  const replies = (await chat.repliesTo(id)).map((a) => String(a.text ?? ''));
  return { statements, replies };
}

test('a question answered from the knowledge base', async () => {
  const { statements, replies } = await turn('how do i reset my password');
  expect(replies[0]).toContain('**Reset your password**');
  expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(questionTurnStatements);
});

test('an incident that opens a ticket (and alerts agents)', async () => {
  const { statements, replies } = await turn('wifi down for the whole floor nobody can work');
  expect(replies[0]).toMatch(/^I've opened incident INC\d+ \(priority P1\)/);
  expect(replies[1]).toContain('alerted the service desk');
  expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(incidentTurnStatements);
});
