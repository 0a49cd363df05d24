import { afterAll, beforeAll, expect, test } from 'vitest';
import { sweepSlaRisk } from '../../src/escalation/sweep-sla-risk.js';
import { openTicket } from '../../src/tickets/open-ticket.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
beforeAll(async () => { db = await createTestDatabase(); });
afterAll(async () => { await db?.drop(); });

const hourPolicy = { 1: { responseMinutes: 60, resolutionMinutes: 600 }, 2: { responseMinutes: 60, resolutionMinutes: 600 }, 3: { responseMinutes: 60, resolutionMinutes: 600 }, 4: { responseMinutes: 60, resolutionMinutes: 600 } } as const;

test('a ticket near its SLA response target with nobody on it is escalated once; a fresh one is not', async () => {
  const employee = await db.prisma.employee.create({ data: {} });
  const conversation = await db.prisma.conversation.create({ data: { channel: 'web', externalId: 'c-sla', employeeId: employee.id } });
  const base = { kind: 'incident' as const, intent: null, description: 'x', impact: 3 as const, urgency: 3 as const, requesterId: employee.id, conversationId: conversation.id, slaPolicy: hourPolicy };
  const { ticket: atRisk } = await openTicket(db.prisma, { ...base, title: 'old', now: new Date(Date.now() - 55 * 60_000), sourceEventKey: 'sla-1' });
  const { ticket: fresh } = await openTicket(db.prisma, { ...base, title: 'fresh', sourceEventKey: 'sla-2' });

  expect(await sweepSlaRisk(db.prisma)).toBe(1);
  const escalations = await db.prisma.escalation.findMany();
  expect(escalations.map((e) => [e.ticketId, e.reason, e.status])).toEqual([[atRisk.id, 'sla_risk', 'pending']]);
  expect(escalations.some((e) => e.ticketId === fresh.id)).toBe(false);
  expect(await sweepSlaRisk(db.prisma)).toBe(0);
});
