import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPipeline } from '../../src/conversation/pipeline.js';
import type { InboundMessage } from '../../src/core/message.js';
import type { LlmAssistant } from '../../src/llm/index.js';
import { createPipelineHarness, replyText, type PipelineHarness } from '../support/pipeline-harness.js';

/** A vague incident report the fake model takes a while to understand, as a real model sometimes does. */
const slowIncident = 'that thing on my desk is acting up again';

/** The model: slow on the incident, which it reads as a hardware fault; instant (and no help) on anything else. */
const slowModel: LlmAssistant = {
  async refine(text, understanding) {
    if (text !== slowIncident) return understanding;
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { ...understanding, kind: 'incident', intent: 'hardware_fault', confidence: 0.75, alternatives: [{ intent: 'hardware_fault', kind: 'incident', confidence: 0.75 }] };
  },
  async draft() { return null; },
};

let h: PipelineHarness;
beforeAll(async () => { h = await createPipelineHarness({ llm: slowModel }); });
afterAll(async () => { await h?.close(); });

const pipelineOf = (concurrency: number) => createPipeline({ prisma: h.db.prisma, services: () => h.services, logger: pino({ level: 'silent' }), concurrency });

function message(conversation: string, text: string): InboundMessage {
  return { channel: 'web', eventId: randomUUID(), text, conversation: { externalId: conversation }, sender: { externalId: `U-${conversation}` } };
}

async function inboundTexts(conversation: string): Promise<string[]> {
  const c = await h.db.prisma.conversation.findFirstOrThrow({ where: { externalId: conversation } });
  const inbound = await h.db.prisma.message.findMany({ where: { conversationId: c.id, direction: 'inbound' }, orderBy: { createdAt: 'asc' } });
  return inbound.map((m) => m.text ?? '');
}

test('the impact answer sent right after a slowly understood incident is taken after it, and answers its question', async () => {
  const pipeline = pipelineOf(4);
  const conversation = `W-${randomUUID()}`;
  const [incident, answer] = await Promise.all([pipeline.handle(message(conversation, slowIncident)), pipeline.handle(message(conversation, '2'))]);
  expect(await inboundTexts(conversation)).toEqual([slowIncident, '2']);
  expect(replyText(incident)).toContain('how badly does it affect work');
  expect(answer.summary.ticket).toBeDefined();
  const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { number: answer.summary.ticket! } });
  expect([ticket.intent, ticket.impact, ticket.urgency]).toEqual(['hardware_fault', 3, 1]);
});

test('with four turns at once, messages of one conversation sent at once are stored in the order they arrived', async () => {
  const pipeline = pipelineOf(4);
  const conversation = `W-${randomUUID()}`;
  const texts = Array.from({ length: 12 }, (_, i) => `note number ${i}`);
  await Promise.all(texts.map((t) => pipeline.handle(message(conversation, t))));
  expect(await inboundTexts(conversation)).toEqual(texts);
});

test('other conversations do not wait behind a slow one', async () => {
  const pipeline = pipelineOf(4);
  const slow = `W-${randomUUID()}`;
  const quick = `W-${randomUUID()}`;
  const order: string[] = [];
  await Promise.all([
    pipeline.handle(message(slow, slowIncident)).then(() => order.push('slow')),
    pipeline.handle(message(quick, 'note')).then(() => order.push('quick')),
  ]);
  expect(order).toEqual(['quick', 'slow']);
});
