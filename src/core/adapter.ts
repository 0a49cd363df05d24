import type { ChannelName } from './message.js';
import type { Reply } from './reply.js';

/**
 * What every channel adapter offers the core for writing later (proactive messages: agent replies, ticket updates).
 * Inbound traffic does not go through this interface: adapters call the {@link TurnHandler} themselves.
 */
export interface ChannelAdapter {
  readonly channel: ChannelName;
  /**
   * Send replies into a conversation the adapter stored a reference for.
   * @param reference the JSON the adapter put in `InboundMessage.conversation.reference`
   * @throws DeskbotError with code `channel_send_failed` when the platform refuses
   */
  send(reference: Record<string, unknown>, replies: Reply[]): Promise<void>;
}

/** The result of one turn of the conversation pipeline. */
export interface TurnResult {
  /** deskbot's conversation id. */
  conversationId: string;
  /** True when the event id was seen before: nothing was done and `replies` is empty. */
  duplicate: boolean;
  replies: Reply[];
  summary: import('./reply.js').TurnSummary;
}

/** The conversation pipeline as adapters see it. */
export interface TurnHandler {
  /**
   * Run one inbound message through normalize → dedupe → identify → redact → understand → act → reply.
   * Never throws for a bad message: a message that cannot be processed is stored and answered with an apology.
   */
  handle(message: import('./message.js').InboundMessage): Promise<TurnResult>;
}
