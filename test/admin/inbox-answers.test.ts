import { afterAll, beforeAll, expect, test } from 'vitest';
import { misunderstoodInbox } from '../../src/admin/inbox/misunderstood-inbox.js';
import { createPipelineHarness, type PipelineHarness } from '../support/pipeline-harness.js';

let h: PipelineHarness;
beforeAll(async () => { h = await createPipelineHarness(); });
afterAll(async () => { await h?.close(); });

const inboxTexts = async () => {
  const inbox = await misunderstoodInbox(h.db.prisma, { days: 30, act: h.services.thresholds.act });
  return inbox.groups.flatMap((g) => g.messages.map((m) => m.text));
};

test('answers to what deskbot asked stay out of the inbox; a message that answers nothing is still there', async () => {
  const emp = h.employee();
  await emp.say('my laptop screen is cracked');
  const opened = await emp.say('just me');
  expect(opened.summary.ticket).toBeDefined();
  await emp.say('blorp frobnicate zzzq');
  const texts = await inboxTexts();
  expect(texts).toContain('blorp frobnicate zzzq');
  expect(texts).not.toContain('just me');
});

test('a reply the impact question could not read is not an answer: it stays in the inbox', async () => {
  const emp = h.employee();
  await emp.say('my laptop screen is cracked');
  const again = await emp.say('qwzx plorf');
  expect(again.summary.ticket).toBeUndefined();
  expect(await inboxTexts()).toContain('qwzx plorf');
});

test('a typed "yes" to "Did this solve it?" is an answer, not a misunderstood message', async () => {
  const emp = h.employee();
  const offered = await emp.say('how do i reset my password');
  expect(offered.summary.articles?.length).toBeGreaterThan(0);
  const done = await emp.say('yes');
  expect(done.summary.answered).toBe('kb_feedback');
  const row = await h.db.prisma.message.findFirstOrThrow({ where: { direction: 'inbound', text: 'yes', conversation: { externalId: emp.conversationId } } });
  expect(row.payload).toEqual({ answered: 'kb_feedback' });
  expect(await inboxTexts()).not.toContain('yes');
});
