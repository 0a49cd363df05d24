import type pg from 'pg';
import type { ChannelName } from '../core/message.js';
import { createGroupCommit } from '../db/group-commit.js';

/** The two journal statements a delivery pays for, on connections of their own. */
export interface JournalWrites {
  /**
   * Insert a row (`ON CONFLICT DO NOTHING`); resolves once it is committed.
   * @param body the journaled body as JSON, already redacted
   * @throws when the batch holding it failed
   */
  record(channel: ChannelName, eventId: string, body: string): Promise<void>;
  /** Delete a row; resolves once committed. @throws when the batch holding it failed */
  settle(channel: ChannelName, eventId: string): Promise<void>;
}

// unnest() keeps one statement text for any batch size, so each connection prepares it once.
const insertSql = `INSERT INTO "InboundJournal" ("channel", "eventId", "body")
  SELECT c::"Channel", e, b FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS t(c, e, b)
  ON CONFLICT DO NOTHING`;
const deleteSql = `DELETE FROM "InboundJournal" AS j USING unnest($1::text[], $2::text[]) AS t(c, e)
  WHERE j."channel" = t.c::"Channel" AND j."eventId" = t.e`;

type Key = { channel: ChannelName; eventId: string };

/**
 * Journal records and settles through `pool` — a small pool of its own, so a delivery's acknowledgement never waits
 * for a connection behind turn transactions — with group commit: what arrives in one event-loop turn is one
 * multi-row statement (a duplicate key, in the table or the batch, is skipped). Each caller resolves when its batch
 * commits, or rejects with the batch's error.
 * Inserts may use every connection; deletes (after a turn, nobody waiting) one at a time, growing their batches
 * instead, so an insert waits behind one delete at most.
 * @param connections the pool's size (`max`)
 */
export function createJournalPoolWrites(pool: pg.Pool, connections: number): JournalWrites {
  const records = createGroupCommit<Key & { body: string }>(async (rows) => {
    await pool.query({ name: 'deskbot-journal-record', text: insertSql, values: [rows.map((r) => r.channel), rows.map((r) => r.eventId), rows.map((r) => r.body)] });
  }, { maxInFlight: connections });
  const settles = createGroupCommit<Key>(async (rows) => {
    await pool.query({ name: 'deskbot-journal-settle', text: deleteSql, values: [rows.map((r) => r.channel), rows.map((r) => r.eventId)] });
  }, { maxInFlight: 1 });
  return {
    record: (channel, eventId, body) => records.add({ channel, eventId, body }),
    settle: (channel, eventId) => settles.add({ channel, eventId }),
  };
}
