import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PrismaClient } from '../../src/db/client.js';
import { createBridgeHook, createEscalationHook } from '../../src/escalation/index.js';
import { openTicket } from '../../src/tickets/open-ticket.js';
import { createPipelineHarness, replyText, type PipelineHarness } from '../support/pipeline-harness.js';

let h: PipelineHarness;
beforeAll(async () => { h = await createPipelineHarness({ bridge: createBridgeHook(), escalate: createEscalationHook() }); });
afterAll(async () => { await h?.close(); });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The turn learns whether the conversation is escalated in the statement that locks the conversation row. When that
// statement waits for the lock, an escalation committed by the transaction it waited for must still count: here
// another instance's transaction (holding the row) escalates, and the message that waited goes to the agent.
test('a message that waited for the conversation lock sees the escalation committed meanwhile, and is bridged', async () => {
  const emp = h.employee('Grace Hopper');
  const { conversationId } = await emp.say('hello');
  let turn: ReturnType<typeof emp.say> | undefined;
  await h.db.prisma.$transaction(async (raw) => {
    const tx = raw as unknown as PrismaClient;
    await tx.$executeRaw`SELECT 1 FROM "Conversation" WHERE "id" = ${conversationId} FOR UPDATE`;
    turn = emp.say('it is the Cisco client on my laptop');
    // Long enough for the turn to be waiting on the row lock.
    await sleep(300);
    const employee = await tx.employee.findFirstOrThrow({ where: { conversations: { some: { id: conversationId } } } });
    const { ticket } = await openTicket(tx, {
      kind: 'incident', intent: null, title: 'VPN', description: 'VPN', impact: 2, urgency: 2, requesterId: employee.id, conversationId,
    });
    await createEscalationHook()(tx, { ticketId: ticket.id, ticketNumber: ticket.number, conversationId, reason: 'requested_human' });
  });
  const result = await turn!;
  expect(replyText(result)).toMatch(/^I've added that to INC\d+ for the person who picks it up/);
  const messages = await h.db.prisma.escalationMessage.findMany({ where: { escalation: { conversationId } } });
  expect(messages.map((m) => m.text)).toEqual(['it is the Cisco client on my laptop']);
});

test('without an open escalation the bot answers, and after it is resolved again', async () => {
  const emp = h.employee('Alan Turing');
  const first = await emp.say('can I talk to a human please');
  expect(first.summary.ticket).toMatch(/^REQ\d+/);
  expect(replyText(await emp.say('my vpn drops every hour'))).toMatch(/^I've added that to REQ\d+/);
  await h.db.prisma.escalation.updateMany({ where: { conversationId: first.conversationId }, data: { status: 'resolved' } });
  expect(replyText(await emp.say('hello'))).not.toMatch(/I've added that/);
});
