/**
 * The agent desk as its HTTP surface (API and console at /agent) and the CLI see it. The escalation module
 * implements it; nothing here knows about BullMQ or any chat platform.
 */

/** A service desk agent. `groups` are assignment groups (Access, Hardware, Network…); none means every group. */
export interface AgentRef {
  id: string;
  name: string;
  email: string;
  groups: string[];
  status: 'available' | 'away';
}

/** Lifecycle of an escalation (ITIL: hand-over of a ticket to a person). */
export type EscalationStatus = 'pending' | 'queued' | 'posted' | 'claimed' | 'resolved';

/** One line of the conversation as an agent sees it. */
export interface DeskMessage {
  author: 'employee' | 'bot' | 'agent' | 'system';
  text: string;
  /** ISO 8601. */
  at: string;
  agentName?: string;
}

/** An escalation with everything the bot learned, for the agent channel and the console. */
export interface EscalationView {
  id: string;
  status: EscalationStatus;
  reason: 'requested_human' | 'understanding_failed' | 'high_priority' | 'frustration' | 'sla_risk' | 'agent_only';
  assignmentGroup: string | null;
  ticket: {
    number: string;
    kind: 'incident' | 'service_request';
    title: string;
    priority: 1 | 2 | 3 | 4;
    status: string;
    /** ISO 8601 SLA response target. */
    responseDueAt: string;
  };
  requester: { name: string | null; email: string | null; channel: string };
  /** True once the SLA response target passed with nobody claiming it. */
  overdue: boolean;
  claimedBy: { id: string; name: string } | null;
  /** Slugs of knowledge articles the bot already offered. */
  articlesTried: string[];
  /** The conversation so far (last 50 messages), oldest first. */
  messages: DeskMessage[];
  /** ISO 8601. */
  createdAt: string;
}

/**
 * What agents can do. Every method takes the acting agent (already authenticated).
 * Errors are DeskbotError: `not_found` (no such escalation), `forbidden` (claimed by someone else, or not the
 * owner), `conflict` (already resolved), `bad_request` (e.g. empty text).
 */
export interface AgentDesk {
  /** Bearer token → agent, or null when the token is unknown. */
  authenticate(token: string): Promise<AgentRef | null>;
  /** Open (not resolved) escalations of the agent's groups, newest first. */
  listOpen(agent: AgentRef): Promise<EscalationView[]>;
  get(agent: AgentRef, id: string): Promise<EscalationView | null>;
  /** Atomic: of many agents claiming at once exactly one gets `claimed: true`; the rest see who has it. */
  claim(agent: AgentRef, id: string): Promise<{ claimed: boolean; escalation: EscalationView }>;
  /** Only the owner. The text reaches the employee on their channel. */
  sendMessage(agent: AgentRef, id: string, text: string): Promise<void>;
  /** Only the owner: ticket → Resolved, the employee is told and asked for a 1–5 rating. */
  resolve(agent: AgentRef, id: string, note?: string): Promise<void>;
  /** Only the owner: hand back to the queue (posted again for every agent). */
  release(agent: AgentRef, id: string): Promise<void>;
  setStatus(agent: AgentRef, status: AgentRef['status']): Promise<void>;
  /**
   * The agent behind a chat-platform user acting in a shared agent channel (Slack, Teams), where membership of that
   * channel is what makes someone an agent. Matches an existing agent by `channel:externalId`, then by email, and
   * links the platform id; otherwise creates an agent with no groups (sees every group).
   * @param user the platform's verified user; `email` when the platform shares it
   */
  agentForChannelUser(user: ChannelAgentUser): Promise<AgentRef>;
  /**
   * The escalation an agent-channel post belongs to (e.g. a Slack thread's parent `ts`, a Teams card's activity id),
   * or null when that post is not an escalation.
   */
  escalationIdForPost(channel: string, externalRef: string): Promise<string | null>;
}

/** A user of a chat platform acting as an agent, as the platform vouches for them. */
export interface ChannelAgentUser {
  /** `slack`, `teams`. */
  channel: string;
  /** Slack user id, Teams AAD object id. */
  externalId: string;
  name: string;
  email?: string;
}
