import { z } from 'zod';
import { optionalSecret, optionalString, type ConfigProblem } from './config-fields.js';
import { parseBusinessHours } from './parse-business-hours.js';
import { defaultTurnConcurrency } from '../conversation/turn-concurrency.js';

/** The service desk's own behaviour: its knowledge seed, confidence thresholds, escalations, opening hours, admin. */
export const deskSchema = z.object({
  /** Folder of Markdown knowledge articles imported into an empty database at first start. */
  KB_SEED_DIR: optionalString,
  /** Classifier confidence at or above which deskbot acts without asking. */
  CONFIDENCE_ACT: z.coerce.number().min(0).max(1).default(0.6),
  /** Classifier confidence below which deskbot treats a message as not understood. */
  CONFIDENCE_CONFIRM: z.coerce.number().min(0).max(1).default(0.3),
  /** Turns (database transactions of the pipeline) running at once, every channel together; more wait in line. */
  TURN_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(defaultTurnConcurrency),
  /**
   * Minutes a reported incident may wait for the answer to "how badly does it affect work?" (or stay parked behind
   * another issue) before deskbot logs it with its intent's default impact and urgency and tells the employee.
   */
  PENDING_INCIDENT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** Incidents that may wait parked in one conversation; parking one more logs the oldest at once (park-incident.ts). */
  PARKED_INCIDENTS_MAX: z.coerce.number().int().min(1).max(20).default(3),
  /** BullMQ queue of escalations; instances sharing a Redis and a database share it. No ':' allowed. */
  ESCALATION_QUEUE: z.string().regex(/^[A-Za-z0-9_.-]+$/).default('deskbot-escalations'),
  /**
   * When agents work, e.g. `Mon-Fri 09:00-17:30 Europe/London`: outside these hours an employee who asks for a person
   * is told when the desk opens. Unset → always open.
   */
  BUSINESS_HOURS: z.string().optional().transform((v, ctx) => {
    const hours = parseBusinessHours(v);
    if (hours && 'error' in hours) {
      ctx.addIssue({ code: 'custom', message: `BUSINESS_HOURS: ${hours.error}` });
      return z.NEVER;
    }
    return hours;
  }),
  /** Token that opens the admin queue dashboard at /admin/queues (Bearer, or Basic password). Unset → no dashboard. */
  ADMIN_TOKEN: optionalSecret('ADMIN_TOKEN', 24),
  /** Seconds between checks for a newly published model version or changed articles (NOTIFY usually comes first). */
  MODEL_SYNC_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
});

/** Desk settings that cannot work together. @returns [variable, message] pairs; empty when the settings fit */
export function deskProblems(c: { CONFIDENCE_ACT: number; CONFIDENCE_CONFIRM: number }): ConfigProblem[] {
  return c.CONFIDENCE_CONFIRM <= c.CONFIDENCE_ACT ? [] : [['CONFIDENCE_CONFIRM', 'CONFIDENCE_CONFIRM must not be above CONFIDENCE_ACT']];
}
