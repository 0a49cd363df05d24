import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPipeline } from '../../src/conversation/pipeline.js';
import type { InboundMessage } from '../../src/core/message.js';
import { createPipelineHarness, type PipelineHarness } from '../support/pipeline-harness.js';

let h: PipelineHarness;
beforeAll(async () => { h = await createPipelineHarness(); });
afterAll(async () => { await h?.close(); });

const pipelineOf = (concurrency: number) => createPipeline({ prisma: h.db.prisma, services: () => h.services, logger: pino({ level: 'silent' }), concurrency });

function message(conversation: string, eventId: string, text: string): InboundMessage {
  return { channel: 'slack', eventId, text, conversation: { externalId: conversation }, sender: { externalId: `U-${conversation}`, tenant: 'T1' } } as InboundMessage;
}

test('a burst larger than the concurrency: every turn runs and is answered once, none dropped', async () => {
  const pipeline = pipelineOf(3);
  const burst = Array.from({ length: 24 }, (_, i) => message(`D-burst-${i}`, `burst-${i}`, 'printer on floor 2 is jammed'));
  const results = await Promise.all(burst.map((m) => pipeline.handle(m)));
  expect(results.every((r) => !r.duplicate && r.replies.length > 0)).toBe(true);
  const stored = await h.db.prisma.message.count({ where: { direction: 'inbound', eventId: { startsWith: 'burst-' } } });
  expect(stored).toBe(24);
});

test('with one turn at a time, messages of one conversation sent at once are taken in the order they arrived', async () => {
  const pipeline = pipelineOf(1);
  const texts = Array.from({ length: 8 }, (_, i) => `note number ${i}`);
  await Promise.all(texts.map((t, i) => pipeline.handle(message('D-order', `order-${i}`, t))));
  const conversation = await h.db.prisma.conversation.findFirstOrThrow({ where: { externalId: 'D-order' } });
  const inbound = await h.db.prisma.message.findMany({ where: { conversationId: conversation.id, direction: 'inbound' }, orderBy: { createdAt: 'asc' } });
  expect(inbound.map((m) => m.text)).toEqual(texts);
});
