import { afterAll, beforeAll, expect, test } from 'vitest';
import { identifyEmployee } from '../../src/conversation/identify-employee.js';
import type { ChannelName, SenderIdentity } from '../../src/core/index.js';
import type { PrismaClient } from '../../src/db/client.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
beforeAll(async () => { db = await createTestDatabase(); });
afterAll(async () => { await db?.drop(); });

/** As the pipeline calls it: inside a transaction. */
const identify = (channel: ChannelName, sender: SenderIdentity) =>
  db.prisma.$transaction((tx) => identifyEmployee(tx as unknown as PrismaClient, channel, sender));

let n = 0;
const unique = (prefix: string) => `${prefix}${++n}-${Date.now()}`;

test('one verified email is one employee across Slack, Teams and the web, whatever its case', async () => {
  const email = `${unique('grace')}@example.com`;
  const slack = await identify('slack', { externalId: unique('U'), tenant: 'T1', email: email.toUpperCase(), verified: true });
  const teams = await identify('teams', { externalId: unique('aad-'), tenant: 'tid', email: ` ${email} `, verified: true });
  const web = await identify('web', { externalId: unique('sub-'), tenant: 'https://idp.example.com', email, verified: true });
  expect(teams.id).toBe(slack.id);
  expect(web.id).toBe(slack.id);
  expect(slack).toMatchObject({ email, verified: true });
  expect(await db.prisma.channelIdentity.count({ where: { employeeId: slack.id } })).toBe(3);
});

test('an unverified email never links, and a guest is never merged into an employee', async () => {
  const email = `${unique('henry')}@example.com`;
  const owner = await identify('slack', { externalId: unique('U'), tenant: 'T1', email, verified: true });
  const guest = await identify('web', { externalId: `guest:${unique('c')}`, email, verified: false });
  expect(guest.id).not.toBe(owner.id);
  expect(guest).toMatchObject({ email: null, verified: false });
  const again = await identify('web', { externalId: `guest:${unique('c')}`, email, verified: false });
  expect(again.id).not.toBe(owner.id);
});

test('a known identity whose verified email arrives later is linked: to a new email, or merged into its owner', async () => {
  const lone = unique('U');
  const first = await identify('slack', { externalId: lone, tenant: 'T1', verified: true });
  expect(first.email).toBeNull();
  const loneEmail = `${unique('ivy')}@example.com`;
  expect(await identify('slack', { externalId: lone, tenant: 'T1', email: loneEmail, verified: true })).toMatchObject({ id: first.id, email: loneEmail });

  const email = `${unique('jack')}@example.com`;
  const owner = await identify('teams', { externalId: unique('aad-'), tenant: 'tid', email, verified: true });
  const hostUser = unique('e-');
  const early = await identify('web', { externalId: hostUser, verified: true });
  const ticket = await db.prisma.ticket.create({ data: ticketData(early.id) });
  const linked = await identify('web', { externalId: hostUser, email: email.toUpperCase(), verified: true });
  expect(linked.id).toBe(owner.id);
  expect((await db.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).requesterId).toBe(owner.id);
  expect((await identify('web', { externalId: hostUser, verified: true })).id).toBe(owner.id);
});

test('a guest identity is not linked even when a verified email comes with it later', async () => {
  const guestId = `guest:${unique('c')}`;
  const guest = await identify('web', { externalId: guestId, verified: false });
  const email = `${unique('kim')}@example.com`;
  const owner = await identify('slack', { externalId: unique('U'), tenant: 'T1', email, verified: true });
  const later = await identify('web', { externalId: guestId, email, verified: true });
  expect(later.id).toBe(guest.id);
  expect(later.id).not.toBe(owner.id);
});

test('an unverified message on an identity a channel once vouched for is refused', async () => {
  const id = unique('aad-');
  await identify('teams', { externalId: id, tenant: 'tid', email: `${unique('lee')}@example.com`, verified: true });
  await expect(identify('teams', { externalId: id, tenant: 'tid', verified: false })).rejects.toMatchObject({ code: 'forbidden' });
});

test('concurrent first messages from two channels with one email make one employee', async () => {
  for (let round = 0; round < 5; round++) {
    const email = `${unique('mia')}@example.com`;
    const [a, b, c] = await Promise.all([
      identify('slack', { externalId: unique('U'), tenant: 'T1', email, verified: true }),
      identify('teams', { externalId: unique('aad-'), tenant: 'tid', email: email.toUpperCase(), verified: true }),
      identify('web', { externalId: unique('sub-'), tenant: 'https://idp.example.com', email, verified: true }),
    ]);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect(await db.prisma.employee.count({ where: { email } })).toBe(1);
  }
});

test('concurrent first messages of one identity make one employee and leave no orphan', async () => {
  const before = await db.prisma.employee.count();
  const sender = { externalId: unique('U'), tenant: 'T1', verified: true };
  const results = await Promise.all([identify('slack', sender), identify('slack', sender), identify('slack', sender)]);
  expect(new Set(results.map((r) => r.id)).size).toBe(1);
  expect(await db.prisma.employee.count()).toBe(before + 1);
});

function ticketData(requesterId: string) {
  const now = new Date();
  return {
    number: `INC${String(9_000_000 + n).padStart(7, '0')}`, kind: 'incident' as const, title: 'Printer jam', description: 'Printer jam',
    requesterId, impact: 3, urgency: 3, priority: 4, responseDueAt: now, resolutionDueAt: now,
  };
}
