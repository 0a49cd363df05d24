import type { Db } from '../db/client.js';
import type { InboundJournal, JournalEntry } from '../core/inbound-journal.js';
import { redactObject } from '../redaction/redact.js';

/**
 * The {@link InboundJournal} on the InboundJournal table. Bodies are stored with secrets redacted (every string through
 * redactSecrets, secret-named keys replaced), so a password an employee typed is not kept at rest even for the
 * seconds a row lives; a replayed turn runs on the redacted text. Claims use `FOR UPDATE SKIP LOCKED`, so two
 * instances replaying at once take different rows.
 */
export function createInboundJournal(db: Db): InboundJournal {
  return {
    // Raw SQL for the two statements every Slack event pays for, one before its ack: an ORM call costs milliseconds
    // of CPU in Prisma 6's query compiler (prisma/orm#28845), and the ack waits for this one.
    async record(channel, eventId, body) {
      await db.$executeRaw`INSERT INTO "InboundJournal" ("channel", "eventId", "body")
        VALUES (${channel}::"Channel", ${eventId}, ${JSON.stringify(redactObject(body))}::jsonb) ON CONFLICT DO NOTHING`;
    },
    async settle(channel, eventId) {
      await db.$executeRaw`DELETE FROM "InboundJournal" WHERE "channel" = ${channel}::"Channel" AND "eventId" = ${eventId}`;
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
  };
}
