import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPipeline } from '../../src/conversation/pipeline.js';
import { createPipelineHarness, replyText, type PipelineHarness } from '../support/pipeline-harness.js';

let h: PipelineHarness;
beforeAll(async () => { h = await createPipelineHarness(); });
afterAll(async () => { await h?.close(); });

test('dialog state lives in the database: a second instance continues the conversation', async () => {
  const emp = h.employee();
  await emp.say('my monitor flickers');
  const other = createPipeline({ prisma: h.db.prisma, services: () => h.services, logger: pino({ level: 'silent' }) });
  const result = await other.handle({
    channel: 'web', eventId: 'second-instance-1', conversation: { externalId: emp.conversationId },
    sender: { externalId: emp.id }, text: '', action: { value: 'impact:workaround' },
  });
  expect(result.summary.ticket).toMatch(/^INC/);
});

test('a turn that fails is stored with its error and answered, and its redelivery is not run again', async () => {
  const broken = createPipeline({
    prisma: h.db.prisma,
    services: () => ({ ...h.services, knowledge: { ...h.services.knowledge, search: () => { throw new Error('index exploded'); } } }),
    logger: pino({ level: 'silent' }),
  });
  const message = {
    channel: 'web' as const, eventId: 'fail-1', conversation: { externalId: 'conv-fail' },
    sender: { externalId: 'U-fail' }, text: 'how do i reset my password',
  };
  const result = await broken.handle(message);
  expect(replyText(result)).toMatch(/something went wrong/i);
  const stored = await h.db.prisma.message.findFirstOrThrow({ where: { eventId: 'fail-1' } });
  expect(stored.error).toContain('index exploded');
  const again = await broken.handle(message);
  expect(again.duplicate).toBe(true);
});

test('after an agent resolves a ticket, the employee rates it 1–5 by button or by typing', async () => {
  const { askForRating } = await import('../../src/conversation/ask-for-rating.js');
  const emp = h.employee();
  const opened = await emp.say('outlook is down for the whole office, urgent please');
  const number = opened.summary.ticket!;
  const conversation = await h.db.prisma.conversation.findFirstOrThrow({ where: { externalId: emp.conversationId } });
  const ask = await askForRating(h.db.prisma, conversation.id, number);
  expect(ask.choices?.map((c) => c.value)).toEqual(['rate:1', 'rate:2', 'rate:3', 'rate:4', 'rate:5']);
  await emp.press('rate:4');
  expect((await h.db.prisma.ticket.findUniqueOrThrow({ where: { number } })).satisfaction).toBe(4);

  await askForRating(h.db.prisma, conversation.id, number);
  await emp.say('2');
  expect((await h.db.prisma.ticket.findUniqueOrThrow({ where: { number } })).satisfaction).toBe(2);
});
