import { expect, test } from 'vitest';
import { priorityFor, type Level, type Priority } from '../../src/tickets/priority-matrix.js';
import { defaultSlaPolicy, slaDueTimes } from '../../src/tickets/sla-policy.js';
import { formatTicketNumber } from '../../src/tickets/ticket-number.js';
import { DeskbotError } from '../../src/core/errors.js';

const cells: Array<[Level, Level, Priority]> = [
  [1, 1, 1], [1, 2, 2], [2, 1, 2],
  [1, 3, 3], [2, 2, 3], [3, 1, 3],
  [2, 3, 4], [3, 2, 4], [3, 3, 4],
];

test.each(cells)('impact %i × urgency %i → P%i', (impact, urgency, priority) => {
  expect(priorityFor(impact, urgency)).toBe(priority);
});

test('invalid levels are refused with a coded error', () => {
  expect(() => priorityFor(0 as Level, 1)).toThrow(DeskbotError);
  expect(() => priorityFor(1, 4 as Level)).toThrow(/impact and urgency/);
});

test('default SLA policy: P1 15m/4h, P2 30m/8h, P3 4h/3d, P4 8h/5d in calendar time', () => {
  const from = new Date('2026-03-06T16:50:00Z'); // a Friday afternoon: calendar time ignores the weekend
  const due = (p: Priority) => slaDueTimes(p, from);
  expect(due(1)).toEqual({ responseDueAt: new Date('2026-03-06T17:05:00Z'), resolutionDueAt: new Date('2026-03-06T20:50:00Z') });
  expect(due(2)).toEqual({ responseDueAt: new Date('2026-03-06T17:20:00Z'), resolutionDueAt: new Date('2026-03-07T00:50:00Z') });
  expect(due(3)).toEqual({ responseDueAt: new Date('2026-03-06T20:50:00Z'), resolutionDueAt: new Date('2026-03-09T16:50:00Z') });
  expect(due(4)).toEqual({ responseDueAt: new Date('2026-03-07T00:50:00Z'), resolutionDueAt: new Date('2026-03-11T16:50:00Z') });
  expect(from.toISOString()).toBe('2026-03-06T16:50:00.000Z');
});

test('a custom policy is used when given', () => {
  const policy = { ...defaultSlaPolicy, 1: { responseMinutes: 5, resolutionMinutes: 60 } };
  const from = new Date('2026-01-01T00:00:00Z');
  expect(slaDueTimes(1, from, policy)).toEqual({
    responseDueAt: new Date('2026-01-01T00:05:00Z'),
    resolutionDueAt: new Date('2026-01-01T01:00:00Z'),
  });
});

test('ticket numbers are the prefix plus 7 zero-padded digits', () => {
  expect(formatTicketNumber('incident', 1001n)).toBe('INC0001001');
  expect(formatTicketNumber('service_request', 1001)).toBe('REQ0001001');
  expect(formatTicketNumber('incident', 12_345_678n)).toBe('INC12345678');
});
