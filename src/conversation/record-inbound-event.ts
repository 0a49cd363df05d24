import type { Db } from '../db/client.js';
import type { ChannelName } from '../core/message.js';

/**
 * Remember an inbound event id. Returns false when it was already recorded: a retry or redelivery.
 * Uses INSERT … ON CONFLICT so that, inside a transaction, a concurrent duplicate waits for the first and then sees it.
 */
export async function recordInboundEvent(db: Db, channel: ChannelName, eventId: string): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO "InboundEvent" ("channel", "eventId") VALUES (${channel}::"Channel", ${eventId})
    ON CONFLICT DO NOTHING`;
  return inserted === 1;
}
