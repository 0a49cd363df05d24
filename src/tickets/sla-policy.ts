import type { Priority } from './priority-matrix.js';

/** Response and resolution targets of one priority, in minutes of calendar time. */
export interface SlaTarget {
  responseMinutes: number;
  resolutionMinutes: number;
}

/** SLA targets for each priority P1..P4. */
export type SlaPolicy = Record<Priority, SlaTarget>;

const hour = 60;
const day = 24 * hour;

/** Default targets (calendar time, no business hours): P1 15m/4h, P2 30m/8h, P3 4h/3d, P4 8h/5d. */
export const defaultSlaPolicy: SlaPolicy = Object.freeze({
  1: { responseMinutes: 15, resolutionMinutes: 4 * hour },
  2: { responseMinutes: 30, resolutionMinutes: 8 * hour },
  3: { responseMinutes: 4 * hour, resolutionMinutes: 3 * day },
  4: { responseMinutes: 8 * hour, resolutionMinutes: 5 * day },
});

/**
 * When the first response and the resolution of a ticket are due.
 * @param priority 1..4
 * @param from the moment the clock starts (usually the ticket's creation)
 * @param policy targets per priority; {@link defaultSlaPolicy} when omitted
 * @returns new Date objects, `from` plus the targets in calendar minutes
 */
export function slaDueTimes(
  priority: Priority,
  from: Date,
  policy: SlaPolicy = defaultSlaPolicy,
): { responseDueAt: Date; resolutionDueAt: Date } {
  const target = policy[priority];
  return {
    responseDueAt: new Date(from.getTime() + target.responseMinutes * 60_000),
    resolutionDueAt: new Date(from.getTime() + target.resolutionMinutes * 60_000),
  };
}
