import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { choiceValues, createPipelineHarness, replyText, type PipelineHarness } from '../support/pipeline-harness.js';

let h: PipelineHarness;
beforeAll(async () => { h = await createPipelineHarness(); });
afterAll(async () => { await h?.close(); });

describe('service requests and questions: knowledge first', () => {
  test('articles with "did this solve it?"; yes closes the loop without a ticket', async () => {
    const emp = h.employee();
    const offered = await emp.say('how do i reset my password');
    expect(offered.summary.articles?.length).toBeGreaterThan(0);
    expect(offered.summary.articles).toContain('reset-your-password');
    expect(choiceValues(offered)).toEqual(['yes', 'no']);
    const done = await emp.press('yes');
    expect(done.summary.ticket).toBeUndefined();
    expect(await h.db.prisma.ticket.count()).toBe(0);
    expect(replyText(done)).toMatch(/glad/i);
  });

  test('no → a service request ticket with the original words', async () => {
    const emp = h.employee();
    await emp.say('i need access to the finance share');
    const opened = await emp.say('no');
    expect(opened.summary.ticket).toMatch(/^REQ\d{7}$/);
    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { number: opened.summary.ticket! } });
    expect(ticket.kind).toBe('service_request');
    expect(ticket.intent).toBe('access_request');
    expect(ticket.title).toBe('i need access to the finance share');
    expect(ticket.assignmentGroup).toBeTruthy();
  });

  test('low confidence → confirm, and yes acts on the confirmed intent', async () => {
    const unsure = await createPipelineHarness({ thresholds: { act: 1.01, confirm: 0.05 } });
    try {
      const emp = unsure.employee();
      const asked = await emp.say('need a new laptop');
      const values = choiceValues(asked);
      expect(values.length).toBeGreaterThanOrEqual(2);
      const pick = values.find((v) => v.startsWith('intent:')) ?? 'yes';
      const acted = await emp.press(pick);
      expect(acted.summary.intent).toBeTruthy();
      expect(acted.replies.length).toBeGreaterThan(0);
    } finally {
      await unsure.close();
    }
  });
});
