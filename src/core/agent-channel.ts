import type { DeskMessage, EscalationView } from './agent-desk.js';

/** Which post of an escalation: the first one, or the re-post once its SLA response target passed unclaimed. */
export type AgentPostKind = 'initial' | 'overdue';

/**
 * Where agents see escalations: the web agent console now, a shared Slack channel or Teams channel later.
 * The worker records each post (AgentPost, unique per escalation, channel and kind) before calling
 * `postEscalation`, so a retried job never posts twice.
 */
export interface AgentChannel {
  /** Stable name stored with each post: `web`, `slack`, `teams`. */
  readonly name: string;
  /**
   * Show the escalation to agents: ticket number, kind, priority and SLA clock, requester, conversation summary,
   * articles tried, and a Claim button.
   * @returns the platform's id of the post (Slack `ts`, Teams activity id), used for later updates
   * @throws anything on failure; the worker forgets the post and the job is retried with backoff
   */
  postEscalation(view: EscalationView, kind: AgentPostKind): Promise<{ externalRef: string }>;
  /**
   * Refresh an earlier post (claimed by someone, resolved, released). The escalation system calls it after every
   * claim, release and resolve, whichever channel the agent acted on, for each post that has an `externalRef`.
   */
  updateEscalation?(view: EscalationView, externalRef: string): Promise<void>;
  /**
   * Relay an employee's message to the agent who claimed the escalation (thread reply under the post). Called by the
   * escalation system, at least once per message (BullMQ job id = message id), for claimed escalations.
   */
  relayEmployeeMessage?(view: EscalationView, externalRef: string, message: DeskMessage): Promise<void>;
}

/** Picks the agent channels of an assignment group (null: the ticket has none). */
export type AgentChannelRouter = (assignmentGroup: string | null) => AgentChannel[];
