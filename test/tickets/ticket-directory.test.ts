import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { openTicket } from '../../src/tickets/open-ticket.js';
import { changeTicketStatus } from '../../src/tickets/change-status.js';
import { createTicketDirectory } from '../../src/tickets/ticket-directory.js';

let db: TestDatabase;
let ada: string;
beforeAll(async () => {
  db = await createTestDatabase();
  ada = (await db.prisma.employee.create({ data: { email: 'ada@example.com', verified: true } })).id;
  const other = (await db.prisma.employee.create({ data: { email: 'bob@example.com' } })).id;
  await db.prisma.channelIdentity.create({ data: { channel: 'slack', tenant: 'T1', externalId: 'U_ADA', employeeId: ada } });
  const base = { intent: null, description: 'd', impact: 3 as const, urgency: 3 as const };
  const open = (title: string, requesterId: string, at: string, kind: 'incident' | 'service_request' = 'incident') =>
    openTicket(db.prisma, { ...base, kind, title, requesterId, now: new Date(at) });
  await open('VPN drops', ada, '2026-03-01T09:00:00Z');
  await open('Need Visio', ada, '2026-03-02T09:00:00Z', 'service_request');
  const { ticket } = await open('Printer jam', ada, '2026-03-03T09:00:00Z');
  await changeTicketStatus(db.prisma, ticket.number, 'resolved', 'test');
  await open('Not Ada', other, '2026-03-04T09:00:00Z');
});
afterAll(async () => { await db?.drop(); });

test('open tickets of a known channel identity, most recently updated first, never anyone else\'s', async () => {
  const dir = createTicketDirectory(db.prisma);
  const open = await dir.listForSender('slack', { externalId: 'U_ADA', tenant: 'T1' });
  expect(open.map((t) => t.title).sort()).toEqual(['Need Visio', 'VPN drops']);
  expect(open[0]).toMatchObject({ status: 'new', priority: 4 });
  expect(open[0]!.updatedAt >= open[1]!.updatedAt).toBe(true);
  const all = await dir.listForSender('slack', { externalId: 'U_ADA', tenant: 'T1' }, { open: false });
  expect(all.map((t) => t.title)[0]).toBe('Printer jam');
  expect(all).toHaveLength(3);
  expect(await dir.listForSender('slack', { externalId: 'U_ADA', tenant: 'T1' }, { open: false, limit: 1 })).toHaveLength(1);
});

test('an unknown identity finds the employee by email only when the channel vouched for it', async () => {
  const dir = createTicketDirectory(db.prisma);
  expect(await dir.listForSender('slack', { externalId: 'U_NEW', tenant: 'T1', email: 'ADA@example.com', verified: false })).toEqual([]);
  expect(await dir.listForSender('slack', { externalId: 'U_NEW', tenant: 'T1', email: 'ADA@example.com', verified: true })).toHaveLength(2);
  expect(await dir.listForSender('slack', { externalId: 'U_ADA', tenant: 'T2' })).toEqual([]);
  expect(await db.prisma.employee.count()).toBe(2);
});
