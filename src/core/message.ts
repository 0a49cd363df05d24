/**
 * The normalized message every channel adapter produces. Modelled on Bot Framework's Activity and
 * vercel/chat's Message: one shape for Slack, Teams, the web chat and the terminal, with the platform payload kept in `raw`.
 */

/** The channels deskbot speaks on. */
export type ChannelName = 'slack' | 'teams' | 'web' | 'cli';

/** Who sent a message, as the channel knows them. */
export interface SenderIdentity {
  /** Slack user id, Teams AAD object id, Direct Line user id. */
  externalId: string;
  /** Slack team id or Teams tenant id; empty where the channel has none. */
  tenant?: string;
  email?: string;
  name?: string;
  /** True when the platform vouched for the identity (signed request, JWT, signed-in token). */
  verified?: boolean;
}

/** A button the employee pressed, carrying the opaque `value` of a {@link Choice}. */
export interface InboundAction {
  value: string;
  /** Values a {@link import('./reply.js').Form} was submitted with, by field id. */
  fields?: Record<string, string>;
}

/** One inbound message, normalized. */
export interface InboundMessage {
  channel: ChannelName;
  /** The channel's own unique id for this delivery (Slack `event_id`, Activity `id`): a repeat is dropped. */
  eventId: string;
  conversation: {
    /** Stable key of the conversation on its channel (e.g. Slack channel + `thread_ts`, Direct Line conversation id). */
    externalId: string;
    /** JSON the adapter needs to write back later (e.g. a Bot Framework ConversationReference). */
    reference?: Record<string, unknown>;
  };
  sender: SenderIdentity;
  /** What the employee wrote, as received (not yet redacted). May be empty when `action` is set. */
  text: string;
  action?: InboundAction;
  receivedAt?: Date;
  /** The platform payload, for adapters' own use; never stored. */
  raw?: unknown;
}
