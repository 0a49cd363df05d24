import type { ChannelName } from './message.js';

/**
 * Inbound deliveries an adapter acts on outside the conversation pipeline (an agent's reply in an escalation thread,
 * a card action in the agent channel, a welcome), remembered where every instance sees them: a platform's retry or
 * redelivery, to this instance, another one or after a restart, is then recognised and dropped.
 */
export interface DeliveryLog {
  /**
   * Record a delivery. Returns true for the first record of (`channel`, `key`) by any instance, false for a repeat.
   * @param key the platform's stable id of the delivery, namespaced by the adapter (e.g. `agent-reply:<channel>:<ts>`)
   * @throws when the store cannot be reached: the caller must not act on an unrecorded delivery
   */
  first(channel: ChannelName, key: string): Promise<boolean>;
}
