import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { choiceValues, createPipelineHarness, replyText, type PipelineHarness } from '../support/pipeline-harness.js';

let h: PipelineHarness;
beforeAll(async () => { h = await createPipelineHarness(); });
afterAll(async () => { await h?.close(); });

describe('incidents', () => {
  test('impact and urgency from the words: the ticket opens at once with number, priority and SLA', async () => {
    const emp = h.employee();
    const result = await emp.say('outlook is down for the whole office, urgent please');
    expect(result.summary.kind).toBe('incident');
    expect(result.summary.ticket).toMatch(/^INC\d{7}$/);
    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { number: result.summary.ticket! } });
    expect(ticket.impact).toBe(1);
    expect(ticket.urgency).toBe(1);
    expect(ticket.priority).toBe(1);
    expect(ticket.responseDueAt.getTime() - ticket.createdAt.getTime()).toBeLessThanOrEqual(15 * 60_000 + 1000);
    expect(replyText(result)).toContain(ticket.number);
    expect(replyText(result)).toContain('P1');
    expect(result.replies.flatMap((r) => r.tickets ?? [])[0]?.number).toBe(ticket.number);
  });

  test('no impact words: one question, then the answer sets the priority', async () => {
    const emp = h.employee();
    const asked = await emp.say('my laptop screen is cracked');
    expect(asked.summary.ticket).toBeUndefined();
    expect(choiceValues(asked).map((v) => v.split(':').slice(0, 2).join(':'))).toEqual(['impact:many_blocked', 'impact:me_blocked', 'impact:workaround']);
    const opened = await emp.press('impact:me_blocked');
    expect(opened.summary.ticket).toMatch(/^INC/);
    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { number: opened.summary.ticket! } });
    expect([ticket.impact, ticket.urgency, ticket.priority]).toEqual([3, 1, 3]);
    expect(ticket.title).toBe('my laptop screen is cracked');
    const events = await h.db.prisma.ticketEvent.findMany({ where: { ticketId: ticket.id } });
    expect(events.map((e) => e.type)).toContain('created');
  });

  test('an empty message (an image alone) while the impact question waits opens nothing and keeps the question', async () => {
    const emp = h.employee();
    await emp.say('my mouse is broken');
    const empty = await emp.say('');
    expect(empty.summary.ticket).toBeUndefined();
    expect(replyText(empty)).toContain("didn't catch any text");
    const opened = await emp.press('impact:workaround');
    expect(opened.summary.ticket).toMatch(/^INC/);
  });

  test('a typed answer to the impact question works too', async () => {
    const emp = h.employee();
    const asked = await emp.say('printer jams every time');
    expect(choiceValues(asked).some((v) => v.startsWith('impact:workaround:'))).toBe(true);
    const opened = await emp.say('i can work around it');
    expect(opened.summary.ticket).toMatch(/^INC/);
    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { number: opened.summary.ticket! } });
    expect(ticket.description).toContain('printer jams every time');
  });

  test('typing a button\'s label, or saying the same in other words, gives the priority the button gives', async () => {
    const priorityAfter = async (answer: { say: string } | { press: string }) => {
      const emp = h.employee();
      await emp.say('my badge got lost');
      const opened = 'say' in answer ? await emp.say(answer.say) : await emp.press(answer.press);
      return (await h.db.prisma.ticket.findUniqueOrThrow({ where: { number: opened.summary.ticket! } })).priority;
    };
    const pressed = await priorityAfter({ press: 'impact:workaround' });
    expect(await priorityAfter({ say: 'I can work around it' })).toBe(pressed);
    expect(await priorityAfter({ say: 'there is a workaround' })).toBe(pressed);
    expect(await priorityAfter({ say: 'Several people can\u2019t work.' })).toBe(await priorityAfter({ press: 'impact:many_blocked' }));
    expect(await priorityAfter({ say: "i can't work" })).toBe(await priorityAfter({ press: 'impact:me_blocked' }));
  });

  test('the same event delivered twice opens one ticket and replies once', async () => {
    const emp = h.employee();
    const first = await emp.say('email is down for our entire team, urgent', 'evt-dup-1');
    const again = await emp.say('email is down for our entire team, urgent', 'evt-dup-1');
    expect(first.summary.ticket).toMatch(/^INC/);
    expect(again.duplicate).toBe(true);
    expect(again.replies).toEqual([]);
    expect(await h.db.prisma.ticket.count({ where: { requester: { identities: { some: { externalId: emp.id } } } } })).toBe(1);
  });

  test('concurrent redeliveries of one event open one ticket', async () => {
    const emp = h.employee();
    const results = await Promise.all(Array.from({ length: 6 }, () => emp.say('wifi down for everyone on floor 3, nobody can work', 'evt-burst')));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await h.db.prisma.ticket.count({ where: { requester: { identities: { some: { externalId: emp.id } } } } })).toBe(1);
  });
});
