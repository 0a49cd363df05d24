import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { nextTicketNumber } from '../../src/tickets/ticket-number.js';
import { openTicket, type OpenTicketInput } from '../../src/tickets/open-ticket.js';
import { findTicketForRequester, listRequesterTickets } from '../../src/tickets/find-ticket.js';
import { changeTicketStatus } from '../../src/tickets/change-status.js';
import { toTicketCard } from '../../src/tickets/ticket-card.js';
import { DeskbotError } from '../../src/core/errors.js';

let db: TestDatabase;
let alice: string;
let bob: string;
beforeAll(async () => {
  db = await createTestDatabase();
  alice = (await db.prisma.employee.create({ data: { email: 'alice@example.com' } })).id;
  bob = (await db.prisma.employee.create({ data: { email: 'bob@example.com' } })).id;
});
afterAll(async () => { await db?.drop(); });

function input(over: Partial<OpenTicketInput> = {}): OpenTicketInput {
  return {
    kind: 'incident', intent: 'vpn_down', title: 'VPN is down', description: 'Cannot connect since 9am',
    impact: 2, urgency: 1, requesterId: alice, ...over,
  };
}

test('ticket numbers come from separate sequences per kind, in order', async () => {
  const a = await nextTicketNumber(db.prisma, 'incident');
  const b = await nextTicketNumber(db.prisma, 'incident');
  const r = await nextTicketNumber(db.prisma, 'service_request');
  expect(a).toMatch(/^INC\d{7}$/);
  expect(r).toBe('REQ0001001');
  expect(Number(b.slice(3))).toBe(Number(a.slice(3)) + 1);
});

test('openTicket stores priority, SLA, trimmed fields and a created event', async () => {
  const now = new Date('2026-02-02T10:00:00Z');
  const { ticket, created } = await openTicket(db.prisma, input({
    title: `  ${'x'.repeat(200)}  `, description: 'd'.repeat(12_000), now, assignmentGroup: 'network', actor: 'slack:U1',
  }));
  expect(created).toBe(true);
  expect(ticket.number).toMatch(/^INC\d{7}$/);
  expect(ticket.priority).toBe(2);
  expect(ticket.status).toBe('new');
  expect(ticket.title).toBe('x'.repeat(120));
  expect(ticket.description).toHaveLength(10_000);
  expect(ticket.assignmentGroup).toBe('network');
  expect(ticket.responseDueAt).toEqual(new Date('2026-02-02T10:30:00Z'));
  expect(ticket.resolutionDueAt).toEqual(new Date('2026-02-02T18:00:00Z'));
  const events = await db.prisma.ticketEvent.findMany({ where: { ticketId: ticket.id } });
  expect(events.map((e) => [e.type, e.actor])).toEqual([['created', 'slack:U1']]);
});

test('service requests get REQ numbers', async () => {
  const { ticket } = await openTicket(db.prisma, input({ kind: 'service_request', impact: 3, urgency: 3 }));
  expect(ticket.number).toMatch(/^REQ\d{7}$/);
  expect(ticket.priority).toBe(4);
});

test('the same sourceEventKey returns the existing ticket without a second row or number', async () => {
  const first = await openTicket(db.prisma, input({ sourceEventKey: 'slack:Ev1' }));
  const second = await openTicket(db.prisma, input({ sourceEventKey: 'slack:Ev1', title: 'other' }));
  expect(second.created).toBe(false);
  expect(second.ticket.id).toBe(first.ticket.id);
  expect(second.ticket.title).toBe('VPN is down');
  const next = await nextTicketNumber(db.prisma, 'incident');
  expect(Number(next.slice(3))).toBe(Number(first.ticket.number.slice(3)) + 1);
  expect(await db.prisma.ticketEvent.count({ where: { ticketId: first.ticket.id } })).toBe(1);
});

test('10 concurrent calls with one sourceEventKey make one ticket and one created event', async () => {
  const results = await Promise.all(Array.from({ length: 10 }, () => openTicket(db.prisma, input({ sourceEventKey: 'slack:EvConcurrent' }))));
  expect(results.filter((r) => r.created)).toHaveLength(1);
  expect(new Set(results.map((r) => r.ticket.id)).size).toBe(1);
  expect(await db.prisma.ticket.count({ where: { sourceEventKey: 'slack:EvConcurrent' } })).toBe(1);
  expect(await db.prisma.ticketEvent.count({ where: { ticketId: results[0]!.ticket.id } })).toBe(1);
});

test('openTicket works inside an interactive transaction, also on a duplicate key', async () => {
  const before = await openTicket(db.prisma, input({ sourceEventKey: 'web:tx' }));
  const again = await db.prisma.$transaction(async (tx) => {
    const dup = await openTicket(tx, input({ sourceEventKey: 'web:tx' }));
    const fresh = await openTicket(tx, input({ sourceEventKey: 'web:tx2' }));
    return { dup, fresh };
  });
  expect(again.dup).toMatchObject({ created: false, ticket: { id: before.ticket.id } });
  expect(again.fresh.created).toBe(true);
  await expect(db.prisma.$transaction(async (tx) => {
    await openTicket(tx, input({ sourceEventKey: 'web:rolledback' }));
    throw new Error('abort');
  })).rejects.toThrow('abort');
  expect(await db.prisma.ticket.count({ where: { sourceEventKey: 'web:rolledback' } })).toBe(0);
});

test('find and list never return another requester\'s ticket', async () => {
  const mine = (await openTicket(db.prisma, input({ requesterId: bob, title: 'Bob printer' }))).ticket;
  expect(await findTicketForRequester(db.prisma, mine.number, bob)).toMatchObject({ id: mine.id });
  expect(await findTicketForRequester(db.prisma, mine.number.toLowerCase(), bob)).toMatchObject({ id: mine.id });
  expect(await findTicketForRequester(db.prisma, mine.number, alice)).toBeNull();
  expect(await findTicketForRequester(db.prisma, 'INC9999999', bob)).toBeNull();
  const aliceList = await listRequesterTickets(db.prisma, alice);
  expect(aliceList.length).toBeGreaterThan(0);
  expect(aliceList.every((t) => t.requesterId === alice)).toBe(true);
  expect((await listRequesterTickets(db.prisma, bob)).map((t) => t.id)).toEqual([mine.id]);
});

test('list is newest first, honours limit and openOnly', async () => {
  const carol = (await db.prisma.employee.create({ data: {} })).id;
  const t = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));
  const a = (await openTicket(db.prisma, input({ requesterId: carol, now: t(1) }))).ticket;
  const b = (await openTicket(db.prisma, input({ requesterId: carol, now: t(2) }))).ticket;
  const c = (await openTicket(db.prisma, input({ requesterId: carol, now: t(3) }))).ticket;
  expect((await listRequesterTickets(db.prisma, carol)).map((x) => x.id)).toEqual([c.id, b.id, a.id]);
  expect((await listRequesterTickets(db.prisma, carol, { limit: 2 })).map((x) => x.id)).toEqual([c.id, b.id]);
  await changeTicketStatus(db.prisma, b.number, 'resolved', 'agent:1');
  expect((await listRequesterTickets(db.prisma, carol, { openOnly: true })).map((x) => x.id)).toEqual([c.id, a.id]);
});

// Events are ordered by createdAt (milliseconds); a short pause keeps consecutive changes apart.
const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

test('status changes set timestamps and write events', async () => {
  const { ticket } = await openTicket(db.prisma, input());
  await tick();
  const inProgress = await changeTicketStatus(db.prisma, ticket.number, 'in_progress', 'agent:7');
  await tick();
  expect(inProgress.respondedAt).toBeInstanceOf(Date);
  expect(inProgress.updatedAt.getTime()).toBeGreaterThanOrEqual(ticket.updatedAt.getTime());
  const resolved = await changeTicketStatus(db.prisma, ticket.number, 'resolved', 'agent:7', 'Restarted the VPN gateway');
  expect(resolved.status).toBe('resolved');
  expect(resolved.resolvedAt).toBeInstanceOf(Date);
  expect(resolved.closedAt).toBeNull();
  await tick();
  const same = await changeTicketStatus(db.prisma, ticket.number, 'resolved', 'agent:7');
  expect(same.resolvedAt).toEqual(resolved.resolvedAt);
  await tick();
  const closed = await changeTicketStatus(db.prisma, ticket.number, 'closed', 'deskbot');
  await tick();
  expect(closed.closedAt).toBeInstanceOf(Date);
  expect(closed.resolvedAt).toEqual(resolved.resolvedAt);
  const reopened = await changeTicketStatus(db.prisma, ticket.number, 'in_progress', 'agent:8');
  expect(reopened).toMatchObject({ resolvedAt: null, closedAt: null, respondedAt: inProgress.respondedAt });
  const events = await db.prisma.ticketEvent.findMany({ where: { ticketId: ticket.id }, orderBy: { createdAt: 'asc' } });
  expect(events.map((e) => [e.type, e.actor, e.data])).toEqual([
    ['created', 'deskbot', { priority: 2, impact: 2, urgency: 1 }],
    ['status_changed', 'agent:7', { from: 'new', to: 'in_progress' }],
    ['status_changed', 'agent:7', { from: 'in_progress', to: 'resolved', note: 'Restarted the VPN gateway' }],
    ['status_changed', 'deskbot', { from: 'resolved', to: 'closed' }],
    ['status_changed', 'agent:8', { from: 'closed', to: 'in_progress' }],
  ]);
});

test('changing the status of a missing ticket throws not_found', async () => {
  await expect(changeTicketStatus(db.prisma, 'INC0000001', 'closed', 'x')).rejects.toMatchObject({ code: 'not_found', status: 404 });
  await expect(changeTicketStatus(db.prisma, 'INC0000001', 'closed', 'x')).rejects.toBeInstanceOf(DeskbotError);
});

test('toTicketCard maps a ticket to the reply model', async () => {
  const { ticket } = await openTicket(db.prisma, input({ now: new Date('2026-02-02T10:00:00Z') }));
  expect(toTicketCard(ticket)).toEqual({
    number: ticket.number, kind: 'incident', title: 'VPN is down', status: 'new', priority: 2,
    responseDueAt: '2026-02-02T10:30:00.000Z', resolutionDueAt: '2026-02-02T18:00:00.000Z', updatedAt: ticket.updatedAt.toISOString(),
  });
});

test('openTicket and the finders return tickets exactly as the Prisma model reads them (raw SQL column mapping)', async () => {
  const now = new Date('2026-03-03T08:15:30.123Z');
  const { ticket } = await openTicket(db.prisma, input({ requesterId: bob, intent: null, now, sourceEventKey: 'test:columns' }));
  const orm = await db.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
  expect(ticket).toEqual(orm);
  expect(ticket.createdAt).toEqual(now);
  const again = await openTicket(db.prisma, input({ requesterId: bob, sourceEventKey: 'test:columns' }));
  expect(again).toEqual({ ticket: orm, created: false });
  expect(await findTicketForRequester(db.prisma, ` ${orm.number.toLowerCase()} `, bob)).toEqual(orm);
  const event = await db.prisma.ticketEvent.findFirstOrThrow({ where: { ticketId: ticket.id } });
  expect(event).toMatchObject({ type: 'created', actor: 'deskbot', data: { priority: 2, impact: 2, urgency: 1 }, createdAt: now });
  await changeTicketStatus(db.prisma, orm.number, 'resolved', 'agent');
  const { ticket: open } = await openTicket(db.prisma, input({ requesterId: bob, kind: 'service_request' }));
  const all = await db.prisma.ticket.findMany({ where: { requesterId: bob }, orderBy: [{ createdAt: 'desc' }, { number: 'desc' }] });
  expect(await listRequesterTickets(db.prisma, bob)).toEqual(all);
  const openOnly = await listRequesterTickets(db.prisma, bob, { openOnly: true });
  expect(openOnly).toEqual(all.filter((t) => t.status !== 'resolved' && t.status !== 'closed'));
  expect(openOnly.map((t) => t.id)).toContain(open.id);
  expect(openOnly.map((t) => t.id)).not.toContain(orm.id);
  expect(await listRequesterTickets(db.prisma, bob, { limit: 1 })).toEqual(all.slice(0, 1));
});
