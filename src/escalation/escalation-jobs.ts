import type { JobsOptions } from 'bullmq';

/** Default BullMQ queue of escalations. */
export const defaultQueueName = 'deskbot-escalations';

/**
 * Job names: `post` shows an escalation to agents; `sla` fires at the ticket's SLA response target; `sync` refreshes
 * its agent-channel posts after a claim, release or resolve; `relay` carries one employee message to the agent's thread;
 * `notice` sends one proactive EmployeeNotice to an employee (src/notices).
 */
export type EscalationJobName = 'post' | 'sla' | 'sync' | 'relay' | 'notice';

/** What a job carries: the escalation (the worker re-reads everything else), the ticket and a summary for dashboards. */
export interface EscalationJobData {
  /** Empty for `notice` jobs. */
  escalationId: string;
  ticketNumber: string | null;
  summary: string | null;
  conversationId: string;
  reason: string;
  /** `relay`: the EscalationMessage to carry. */
  messageId?: string;
  /** `notice`: the EmployeeNotice to send (also the job id). */
  noticeId?: string;
  /** `notice`: when it first found an older notice of its conversation unsent (ms since the epoch). */
  behindSince?: number;
}

/**
 * Job ids derived from the escalation, so BullMQ refuses a duplicate while the job exists.
 * (BullMQ forbids `:` in custom ids.)
 */
export const jobIds = {
  post: (escalationId: string) => escalationId,
  sla: (escalationId: string) => `sla-${escalationId}`,
  sync: (escalationId: string, version: number) => `sync-${escalationId}-${version}`,
  relay: (messageId: string) => `relay-${messageId}`,
};

/**
 * Retries with exponential backoff (1 s, 2 s, 4 s…); failed jobs are kept so they stay visible in a dashboard;
 * completed ones are kept a week, which also keeps the job-id dedupe window open that long.
 */
export const defaultJobOptions: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: false,
};

/** PostgreSQL NOTIFY channel: a committed escalation wakes the relay at once instead of at its next poll. */
export const escalationNotifyChannel = 'deskbot_escalations';
