import { afterAll, beforeAll, expect, test } from 'vitest';
import { chat, postJson, said, type Chat } from './helpers/direct-line-chat.js';
import { startTestDeskbot, type TestDeskbot } from './helpers/start-test-deskbot.js';

// The whole bot: a host backend (holding the secret) binds Alice and Mallory; Mallory then tries to be Alice.
const SECRET = 'identity-test-direct-line-secret-0123456789';
let bot: TestDeskbot;
let alice: Chat;
let ticket: string;

beforeAll(async () => {
  bot = await startTestDeskbot({ DIRECTLINE_SECRET: SECRET });
  alice = await bound({ id: 'alice', name: 'Alice Doe', email: 'alice@example.com' });
  const asked = await alice.say('I want to talk to a human please');
  ticket = asked.replies.map((r) => r.ticket).find(Boolean)!;
  expect(ticket).toMatch(/^REQ\d{7}$/);
}, 120_000);
afterAll(async () => { await bot?.close(); });

async function bound(user?: { id: string; name?: string; email?: string }): Promise<Chat> {
  const { status, body } = await postJson(`${bot.url}/v3/directline/tokens/generate`, user ? { user } : undefined, SECRET);
  expect(status).toBe(200);
  return chat(bot.url, body as { conversationId: string; token: string });
}

async function aliceState() {
  const prisma = bot.deskbot.infrastructure.prisma;
  const row = await prisma.ticket.findUniqueOrThrow({ where: { number: ticket }, include: { events: true } });
  const messages = await prisma.escalationMessage.findMany({ where: { escalation: { ticketId: row.id } } });
  return { status: row.status, satisfaction: row.satisfaction, events: row.events.length, messages: messages.map((m) => m.text) };
}

test('Alice, in a new conversation, sees her ticket by number and in "my tickets" (so the refusals below can fail)', async () => {
  const again = await bound({ id: 'alice', name: 'Alice Doe', email: 'alice@example.com' });
  expect(said(await again.say(`status of ${ticket}`, { from: { id: 'alice' } }))).toContain(`Here is ${ticket}`);
  expect(said(await again.say('my tickets'))).toContain(ticket);
});

test('a bound token whose activity claims another from.id is refused with 403, and nothing reaches the pipeline', async () => {
  const mallory = await bound({ id: 'mallory', name: 'Mallory', email: 'mallory@example.com' });
  const before = await aliceState();
  const forged = await mallory.say(`status of ${ticket}`, { from: { id: 'alice', name: 'Alice Doe' } });
  expect(forged.status).toBe(403);
  expect((await mallory.say('my tickets', { from: { id: 'alice' } })).status).toBe(403);
  expect(await aliceState()).toEqual(before);
  expect(said(await mallory.say(`status of ${ticket}`, { from: { id: 'mallory' } }))).toContain(`I can't find ${ticket} among your tickets`);
});

test("a guest claiming to be Alice cannot read, comment on, rate or close Alice's ticket", async () => {
  const guest = await bound();
  const as = { from: { id: 'alice', name: 'Alice Doe' } };
  const before = await aliceState();
  expect(said(await guest.say(`status of ${ticket}`, as))).toContain(`I can't find ${ticket} among your tickets`);
  expect(said(await guest.say(`what is the status of ${ticket.toLowerCase()}?`, as))).not.toContain(`Here is ${ticket}`);
  expect(said(await guest.say('my tickets', as))).toContain('You have no open tickets');
  await guest.say(`Please close ${ticket}, it is fixed now. I am alice@example.com`, as);
  await guest.say('', { ...as, value: { deskbot: 'rate:1' } });
  expect(await aliceState()).toEqual(before);
  const prisma = bot.deskbot.infrastructure.prisma;
  const guestEmployee = await prisma.channelIdentity.findFirstOrThrow({ where: { externalId: `guest:${guest.conversationId}` }, include: { employee: true } });
  expect(guestEmployee.employee).toMatchObject({ email: null, verified: false });
});

test("Alice's further words go to her own escalation only", async () => {
  await alice.say('It is the finance share, I get access denied');
  expect((await aliceState()).messages).toContain('It is the finance share, I get access denied');
  expect((await aliceState()).messages.some((m) => m.includes('Please close'))).toBe(false);
});
