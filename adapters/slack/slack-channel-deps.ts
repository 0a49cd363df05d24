import type { AgentDesk, DebugFieldLogger, DeliveryLog, InboundJournal, TicketDirectory, TurnHandler } from '../../src/core/index.js';
import type { JournalReplayOptions } from './journal/journal-replay.js';

/** The pino-like logger the Slack channel writes to. */
export type SlackLogger = DebugFieldLogger;

/** What {@link registerSlackChannel} needs; the composition root builds it from validated configuration. */
export interface SlackChannelDeps {
  /** The conversation pipeline: one call per employee message, button press or form submission. */
  turns: TurnHandler;
  /** The employee's own tickets, for `/it status` and the App Home tab. */
  tickets: TicketDirectory;
  /**
   * The Slack user ids of the employee a conversation belongs to (who started it), or null when deskbot holds no
   * conversation with this `externalId` (see conversation-key.ts). Decides, in a channel thread, whether a message
   * belongs to a deskbot conversation and to whose (thread-conversation.ts).
   */
  conversationHolder(externalId: string): Promise<string[] | null>;
  /** Bot user OAuth token, `xoxb-…`. */
  botToken: string;
  /** Verifies `POST /slack/events`; required unless `appToken` selects Socket Mode. */
  signingSecret?: string;
  /** App-level token, `xapp-…`: receive over Socket Mode instead of the HTTP Events API. */
  appToken?: string;
  /** Base URL of the Slack Web API (default `https://slack.com/api/`). */
  apiUrl?: string;
  /**
   * The slash command deskbot answers, e.g. `/it` (the shipped manifest's). Other commands sent to the same URL are
   * acknowledged with a private "unknown command" answer. Default `/it`.
   */
  slashCommand?: string;
  /** Channel id where escalations are posted and agents work; needs `desk`. */
  agentChannel?: string;
  /** The agent desk, for Claim / Resolve and thread replies in the agent channel. */
  desk?: AgentDesk;
  /**
   * Agent-channel thread replies already relayed, shared by every instance (the database): a Slack retry or a second
   * delivery of the same post, to any instance, is not relayed twice. Employee messages are de-duplicated by the pipeline.
   */
  deliveries: DeliveryLog;
  /**
   * Write-ahead journal of the deliveries that carry an employee turn — events, answer clicks, form submissions,
   * `/it <text>` (journal/journal-key.ts): each is recorded before Slack's acknowledgement and settled when its turn is
   * stored; what a crash left behind is replayed at start-up and every `replay.everyMs`. Without it, a delivery
   * acknowledged but not yet answered is lost in a crash.
   */
  journal?: { store: InboundJournal; replay: JournalReplayOptions };
  logger: SlackLogger;
  /** The fetch used for the Web API and `response_url` calls (proxies, TLS; tests send hooks.slack.com to a stand-in). */
  fetch?: typeof fetch;
  /** Least time between two posts to one Slack channel, in ms (Slack allows about one message per second). Default 1000. */
  paceMs?: number;
  /** Users whose profile (name, email) is remembered, and for how long in ms. Default 5,000 for 1 hour. */
  identityCache?: { max: number; ttlMs: number };
  /** Most turns and other post-ack work running at once (about the database pool); more wait in line. Default 10. */
  concurrency?: number;
  /** Largest accepted request body in bytes. Default 1 MiB. */
  bodyLimit?: number;
}
