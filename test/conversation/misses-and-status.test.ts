import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { choiceValues, createPipelineHarness, replyText, type PipelineHarness } from '../support/pipeline-harness.js';

let h: PipelineHarness;
beforeAll(async () => { h = await createPipelineHarness(); });
afterAll(async () => { await h?.close(); });

describe('not understood', () => {
  test('first miss asks to rephrase; the second offers a ticket or a person; the ticket keeps both messages', async () => {
    const emp = h.employee();
    const first = await emp.say('qwzx plorf blarg');
    expect(first.summary.ticket).toBeUndefined();
    expect(choiceValues(first)).toEqual([]);
    const second = await emp.say('florp zindle wub');
    expect(choiceValues(second)).toEqual(['open_ticket', 'human']);
    const opened = await emp.press('human');
    expect(opened.summary.ticket).toMatch(/^REQ/);
    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { number: opened.summary.ticket! } });
    expect(ticket.description).toContain('qwzx plorf blarg');
    expect(ticket.description).toContain('florp zindle wub');
  });

  test('asking for a person opens a ticket for a person at once', async () => {
    const result = await h.employee().say('can I talk to a human please');
    expect(result.summary.ticket).toMatch(/^REQ/);
  });

  test('empty text gets a polite answer and is stored', async () => {
    const emp = h.employee();
    const result = await emp.say('   \u0000  ');
    expect(replyText(result)).toMatch(/didn't catch/i);
    const conversation = await h.db.prisma.conversation.findFirstOrThrow({ where: { externalId: emp.conversationId }, include: { messages: true } });
    expect(conversation.messages.filter((m) => m.direction === 'inbound')).toHaveLength(1);
  });

  test('a 100 KB message with emoji and right-to-left text is stored and answered', async () => {
    const emp = h.employee();
    const text = `my laptop will not start 💻 لا يعمل ${'x'.repeat(100_000)}`;
    const result = await emp.say(text);
    expect(result.replies.length).toBeGreaterThan(0);
    const stored = await h.db.prisma.message.findFirstOrThrow({ where: { conversation: { externalId: emp.conversationId }, direction: 'inbound' } });
    expect(stored.text.startsWith('my laptop will not start 💻 لا يعمل')).toBe(true);
  });
});

describe('ticket status', () => {
  test('the requester sees their own tickets; another employee cannot see them by number', async () => {
    const owner = h.employee('Grace Hopper');
    const opened = await owner.say('outlook is down for the whole office, nobody can send email');
    const number = opened.summary.ticket!;
    expect(number).toMatch(/^INC/);

    const mine = await owner.say('my tickets');
    expect(mine.summary.kind).toBe('ticket_status');
    expect(mine.replies.flatMap((r) => r.tickets ?? []).map((t) => t.number)).toContain(number);

    const byNumber = await owner.say(`status of ${number.toLowerCase()}`);
    expect(byNumber.replies.flatMap((r) => r.tickets ?? [])[0]?.status).toBe('new');

    const other = h.employee('Mallory');
    const probe = await other.say(`what is the status of ${number}`);
    expect(probe.replies.flatMap((r) => r.tickets ?? [])).toEqual([]);
    expect(replyText(probe)).toContain(`can't find ${number}`);
    const theirs = await other.say('my tickets');
    expect(theirs.replies.flatMap((r) => r.tickets ?? [])).toEqual([]);
  });
});

describe('secrets', () => {
  test('a pasted password never reaches the stored message or the ticket', async () => {
    const emp = h.employee();
    await emp.say('vpn is down for the whole team, my password is Hunter2!xyz and it still fails');
    const messages = await h.db.prisma.message.findMany({ where: { conversation: { externalId: emp.conversationId } } });
    expect(messages.some((m) => m.text.includes('Hunter2!xyz'))).toBe(false);
    const tickets = await h.db.prisma.ticket.findMany({ where: { conversation: { externalId: emp.conversationId } } });
    for (const t of tickets) expect(`${t.title} ${t.description}`).not.toContain('Hunter2!xyz');
  });
});

describe('IT questions without an intent', () => {
  test('go to the knowledge base instead of counting as a miss', async () => {
    const emp = h.employee();
    const result = await emp.say('is there a good pdf viewer I can install on my laptop?');
    expect(result.summary.kind).not.toBe('out_of_scope');
    expect(result.replies.length).toBeGreaterThan(0);
    expect(choiceValues(result).length).toBeGreaterThan(0);
  });
});
