import type { Db } from '../db/client.js';
import type { LlmAssistant } from '../llm/index.js';
import type { ChannelName } from '../core/message.js';
import type { Reply, TurnSummary } from '../core/reply.js';
import type { IntentCatalog } from '../intents/intent-catalog.js';
import type { KnowledgeIndex } from '../knowledge/types.js';
import type { DomainVocabulary } from '../intents/domain-vocabulary.js';
import type { SlaPolicy } from '../tickets/sla-policy.js';
import type { DeskbotMetrics } from '../observability/metrics.js';
import type { DialogState } from './dialog-state.js';
import type { EarlyDraft } from './draft-before-turn.js';
import type { EmployeeRef } from './identify-employee.js';
import type { RequestFormCatalog } from './request-forms.js';

/** Confidence tiers: at or above `act` deskbot acts; between `confirm` and `act` it asks; below `confirm` it is lost. */
export interface ConfidenceThresholds {
  act: number;
  confirm: number;
}

/** A ticket that just became urgent enough for a person; the escalation module (BullMQ) listens to this. */
export interface EscalationRequest {
  ticketId: string;
  ticketNumber: string;
  conversationId: string;
  reason: 'requested_human' | 'understanding_failed' | 'high_priority' | 'frustration';
}

/** What the act step may use, besides the database transaction. */
export interface TurnServices {
  catalog: IntentCatalog;
  knowledge: KnowledgeIndex;
  /** Tells an IT question deskbot has no intent for from a message it should not handle. */
  vocabulary: DomainVocabulary;
  thresholds: ConfidenceThresholds;
  metrics: DeskbotMetrics;
  slaPolicy?: SlaPolicy;
  /** Forms of service-request details by intent; without it, requests open with the employee's words alone. */
  requestForms?: RequestFormCatalog;
  /** Called inside the turn's transaction, so an escalation is written together with its ticket (transactional outbox). */
  escalate?: (db: Db, request: EscalationRequest) => Promise<void>;
  /**
   * The agent desk's bridge: when an agent owns this conversation, the message goes to the agent instead of the bot.
   * Returns the replies to send the employee (often none), or null when no agent owns the conversation.
   * Called inside the turn's transaction, after the message was deduplicated and redacted, and only while the
   * conversation has an open (not resolved) Escalation: without one no agent owns it, and the turn saves the call.
   */
  bridge?: (db: Db, input: { conversationId: string; employeeId: string; text: string }) => Promise<Reply[] | null>;
  /** Optional language model: second opinion on unsure messages (OPENAI_API_KEY / OPENAI_BASE_URL). */
  llm?: LlmAssistant;
  /** Incidents that may wait parked in one conversation (PARKED_INCIDENTS_MAX; default 3, see park-incident.ts). */
  maxParkedIncidents?: number;
}

/** One turn being worked on: the handlers read the message and append replies, update state and the summary. */
export interface Turn {
  db: Db;
  services: TurnServices;
  channel: ChannelName;
  employee: EmployeeRef;
  conversationId: string;
  /** Inbound text after redaction. */
  text: string;
  state: DialogState;
  /** `channel:eventId`, which makes ticket creation idempotent. */
  eventKey: string;
  now: Date;
  replies: Reply[];
  summary: TurnSummary;
  /** The answer drafted before the transaction (draft-before-turn.ts), if the turn was expected to need one. */
  draft?: EarlyDraft | null;
}
