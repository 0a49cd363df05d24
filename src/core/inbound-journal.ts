import type { ChannelName } from './message.js';

/** A journaled delivery taken for replay. */
export interface JournalEntry {
  eventId: string;
  /** The payload as journaled (secrets redacted). */
  body: Record<string, unknown>;
  /** Replays started, this one included. */
  attempts: number;
}

/** What an unprocessed-message row needs from a journaled body; the channel's adapter knows where to read it. */
export interface JournalBodySummary {
  /** The conversation's external id (as the adapter would key it), '' when the body does not tell. */
  conversationExternalId: string;
  /** The sender's platform id, '' when unknown. */
  senderExternalId: string;
  /** The message text ('' when the body has none); redacted again before it is kept. */
  text: string;
}

/**
 * Write-ahead journal for channels that acknowledge a delivery before its turn commits (Slack): a delivery is
 * recorded before the platform's acknowledgement and settled once its turn is stored, so a crash in between leaves a
 * row that {@link InboundJournal.claimStale} hands to a replay. Shared by every instance (the database).
 */
export interface InboundJournal {
  /**
   * Keep `body` under (`channel`, `eventId`); a second record of the same key changes nothing.
   * @throws when the store cannot be reached
   */
  record(channel: ChannelName, eventId: string, body: Record<string, unknown>): Promise<void>;
  /** Forget a delivery whose turn is stored (or needed none). */
  settle(channel: ChannelName, eventId: string): Promise<void>;
  /**
   * Take up to `limit` deliveries of `channel` recorded more than `olderThanMs` ago, not held by another replay and
   * replayed fewer than `maxAttempts` times; each is held for `holdMs` (no other instance takes it meanwhile).
   */
  claimStale(channel: ChannelName, options: { olderThanMs: number; holdMs: number; maxAttempts: number; limit: number }): Promise<JournalEntry[]>;
  /**
   * End the hold a claim put on a delivery, once its replay is over (and failed: a replay that succeeded settled the
   * row). The replay of a last attempt releases its row so that {@link InboundJournal.retireExhausted} moves it in the
   * same pass; an earlier failed attempt keeps its hold, which spaces the retries out.
   */
  release(channel: ChannelName, eventId: string): Promise<void>;
  /**
   * Move every delivery of `channel` replayed `maxAttempts` times or more, and no longer held by a replay, to the
   * unprocessed messages (listed to admins), with `reason` as its error: each in one statement, the journal row deleted
   * and the unprocessed row inserted together. An event already kept as unprocessed is not kept twice (its journal row
   * still goes). `summarize` reads what the row needs from the journaled body.
   * @returns the event ids newly kept as unprocessed (not one already kept)
   * @throws when the store cannot be reached
   */
  retireExhausted(channel: ChannelName, options: { maxAttempts: number; reason: string; summarize(body: Record<string, unknown>): JournalBodySummary }): Promise<string[]>;
}
