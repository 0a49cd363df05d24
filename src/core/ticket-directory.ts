import type { ChannelName, SenderIdentity } from './message.js';
import type { TicketCard } from './reply.js';

/**
 * Read access to an employee's own tickets for adapters' surfaces outside the conversation (Slack App Home,
 * `/it status`, a Teams tab). The employee is resolved the same way the pipeline resolves a sender.
 */
export interface TicketDirectory {
  /**
   * Tickets the sender requested, most recently updated first.
   * @param options.open only tickets not resolved or closed (default true); `limit` default 20, at most 100
   * @returns an empty list for a sender deskbot has never seen
   */
  listForSender(channel: ChannelName, sender: SenderIdentity, options?: { open?: boolean; limit?: number }): Promise<TicketCard[]>;
}
