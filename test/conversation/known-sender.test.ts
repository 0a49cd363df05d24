import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { InboundMessage, SenderIdentity } from '../../src/core/message.js';
import { createPipelineHarness, replyText, type PipelineHarness } from '../support/pipeline-harness.js';

let h: PipelineHarness;
beforeAll(async () => { h = await createPipelineHarness(); });
afterAll(async () => { await h?.close(); });

// A sender seen before is identified and its conversation locked in one statement (lock-known-sender.ts); these are
// the cases that statement must leave to identifyEmployee.

function fromSlack(sender: SenderIdentity, text: string): Promise<Awaited<ReturnType<PipelineHarness['handle']>>> {
  const message: InboundMessage = { channel: 'slack', eventId: randomUUID(), conversation: { externalId: `D${sender.externalId}` }, sender, text };
  return h.handle(message);
}

const identityOf = (externalId: string) => h.db.prisma.channelIdentity.findFirstOrThrow({ where: { externalId }, include: { employee: true } });

test('a known verified employee whose verified email arrives later gets it linked on that turn', async () => {
  const id = `U${randomUUID().slice(0, 8)}`;
  await fromSlack({ externalId: id, tenant: 'T1', verified: true }, 'hello');
  expect((await identityOf(id)).employee.email).toBeNull();
  await fromSlack({ externalId: id, tenant: 'T1', verified: true, email: `${id}@example.com` }, 'hello again');
  expect((await identityOf(id)).employee.email).toBe(`${id}@example.com`.toLowerCase());
});

test('the late email of someone already known on another channel merges the two, conversation and all', async () => {
  const id = `U${randomUUID().slice(0, 8)}`;
  const email = `${id}@example.com`.toLowerCase();
  const owner = await h.handle({
    channel: 'teams', eventId: randomUUID(), conversation: { externalId: `teams-${id}` }, text: 'hello',
    sender: { externalId: `aad-${id}`, tenant: 'tid', verified: true, email },
  });
  const ownerId = (await identityOf(`aad-${id}`)).employeeId;
  expect(owner.duplicate).toBe(false);
  const first = await fromSlack({ externalId: id, tenant: 'T1', verified: true }, 'hello');
  expect((await identityOf(id)).employeeId).not.toBe(ownerId);
  await fromSlack({ externalId: id, tenant: 'T1', verified: true, email }, 'my vpn keeps disconnecting');
  expect((await identityOf(id)).employeeId).toBe(ownerId);
  expect((await h.db.prisma.conversation.findUniqueOrThrow({ where: { id: first.conversationId } })).employeeId).toBe(ownerId);
});

test('an unverified sender on an identity once verified is refused, not answered as that employee', async () => {
  const id = `U${randomUUID().slice(0, 8)}`;
  await fromSlack({ externalId: id, tenant: 'T1', verified: true }, 'hello');
  const refused = await fromSlack({ externalId: id, tenant: 'T1', verified: false }, 'show my tickets');
  expect(replyText(refused)).toMatch(/went wrong/i);
  expect(refused.summary.kind).toBeNull();
  expect(await h.db.prisma.unprocessedMessage.count({ where: { senderExternalId: id } })).toBe(1);
});
