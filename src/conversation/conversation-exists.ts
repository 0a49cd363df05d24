import type { Db } from '../db/client.js';
import type { ChannelName } from '../core/message.js';

/**
 * True when deskbot holds a conversation with this channel key (e.g. a Slack thread it answered in). Raw SQL: adapters
 * ask it for channel messages that do not address the bot, to tell deskbot's threads from everyone else's.
 */
export async function conversationExists(db: Db, channel: ChannelName, externalId: string): Promise<boolean> {
  const rows = await db.$queryRaw<Array<{ found: number }>>`
    SELECT 1 AS "found" FROM "Conversation" WHERE "channel" = ${channel}::"Channel" AND "externalId" = ${externalId} LIMIT 1`;
  return rows.length > 0;
}
