import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { InboundJournal, JournalEntry } from '../core/inbound-journal.js';
import { redactObject, redactSecrets } from '../redaction/redact.js';
import { sanitizeText } from './sanitize-text.js';
import type { JournalWrites } from './journal-pool-writes.js';

/**
 * The {@link InboundJournal} on the InboundJournal table. Bodies are stored with secrets redacted (every string through
 * redactSecrets, secret-named keys replaced), so a password an employee typed is not kept at rest even for the
 * seconds a row lives; a replayed turn runs on the redacted text. Claims use `FOR UPDATE SKIP LOCKED`, so two
 * instances replaying at once take different rows.
 * @param writes where `record` and `settle` go when given (a pool of their own with group commit,
 *   journal-pool-writes.ts); else through `db`, as on the embedded database, which serves one connection
 */
export function createInboundJournal(db: Db, writes?: JournalWrites): InboundJournal {
  return {
    // Raw SQL for the two statements every Slack event pays for, one before its ack: an ORM call costs milliseconds
    // of CPU in Prisma 6's query compiler (prisma/orm#28845), and the ack waits for this one.
    async record(channel, eventId, body) {
      const json = JSON.stringify(redactObject(body));
      if (writes) return writes.record(channel, eventId, json);
      await db.$executeRaw`INSERT INTO "InboundJournal" ("channel", "eventId", "body")
        VALUES (${channel}::"Channel", ${eventId}, ${json}::jsonb) ON CONFLICT DO NOTHING`;
    },
    async settle(channel, eventId) {
      if (writes) return writes.settle(channel, eventId);
      await db.$executeRaw`DELETE FROM "InboundJournal" WHERE "channel" = ${channel}::"Channel" AND "eventId" = ${eventId}`;
    },
    async release(channel, eventId) {
      await db.$executeRaw`UPDATE "InboundJournal" SET "claimedUntil" = NULL WHERE "channel" = ${channel}::"Channel" AND "eventId" = ${eventId}`;
    },
    async claimStale(channel, { olderThanMs, holdMs, maxAttempts, limit }) {
      return db.$queryRaw<JournalEntry[]>`
        UPDATE "InboundJournal" AS j
        SET "claimedUntil" = now() + ${holdMs} * interval '1 millisecond', "attempts" = j."attempts" + 1
        FROM (
          SELECT "channel", "eventId" FROM "InboundJournal"
          WHERE "channel" = ${channel}::"Channel"
            AND "receivedAt" < now() - ${olderThanMs} * interval '1 millisecond'
            AND ("claimedUntil" IS NULL OR "claimedUntil" < now())
            AND "attempts" < ${maxAttempts}
          ORDER BY "receivedAt"
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        ) AS stale
        WHERE j."channel" = stale."channel" AND j."eventId" = stale."eventId"
        RETURNING j."eventId", j."body", j."attempts"`;
    },
    async retireExhausted(channel, { maxAttempts, reason, summarize }) {
      const exhausted = await db.$queryRaw<Array<{ eventId: string; body: Record<string, unknown> }>>`
        SELECT "eventId", "body" FROM "InboundJournal"
        WHERE "channel" = ${channel}::"Channel" AND "attempts" >= ${maxAttempts} AND ("claimedUntil" IS NULL OR "claimedUntil" < now())
        ORDER BY "receivedAt"`;
      const moved: string[] = [];
      for (const { eventId, body } of exhausted) {
        const summary = summarize(body);
        const text = redactSecrets(sanitizeText(summary.text).text).text;
        // One statement, so atomic without an interactive transaction (this may already run inside one). The DELETE
        // checks again: a replay that settled the row, or another instance that moved it, meanwhile leaves nothing to
        // insert. ON CONFLICT keeps one unprocessed row per event. receivedAt is the journal's (UTC, as Prisma stores).
        const count = await db.$executeRaw`
          WITH moved AS (
            DELETE FROM "InboundJournal"
            WHERE "channel" = ${channel}::"Channel" AND "eventId" = ${eventId} AND "attempts" >= ${maxAttempts}
              AND ("claimedUntil" IS NULL OR "claimedUntil" < now())
            RETURNING "channel", "eventId", "receivedAt"
          )
          INSERT INTO "UnprocessedMessage" ("id", "channel", "eventId", "conversationExternalId", "senderExternalId", "text", "error", "receivedAt")
          SELECT ${randomUUID()}, "channel", "eventId", ${summary.conversationExternalId}, ${summary.senderExternalId}, ${text}, ${reason.slice(0, 500)},
            "receivedAt" AT TIME ZONE 'UTC'
          FROM moved
          ON CONFLICT ("channel", "eventId") DO NOTHING`;
        if (count) moved.push(eventId);
      }
      return moved;
    },
  };
}
