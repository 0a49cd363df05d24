import type { Db } from '../db/client.js';
import type { ChannelName } from '../core/message.js';

/**
 * Who a conversation belongs to, as the channel knows them: the channel user ids (ChannelIdentity.externalId on
 * `channel`) of the employee who started it. Adapters of shared places (a Slack channel thread) ask it to tell the
 * employee of a conversation from colleagues writing in the same thread. Raw SQL, one statement.
 * @returns the employee's user ids on `channel` (more than one only when email linked several); null when deskbot
 *   holds no conversation with this channel key
 */
export async function conversationHolder(db: Db, channel: ChannelName, externalId: string): Promise<string[] | null> {
  const rows = await db.$queryRaw<Array<{ userId: string | null }>>`
    SELECT i."externalId" AS "userId" FROM "Conversation" c
    LEFT JOIN "ChannelIdentity" i ON i."employeeId" = c."employeeId" AND i."channel" = c."channel"
    WHERE c."channel" = ${channel}::"Channel" AND c."externalId" = ${externalId}`;
  if (!rows.length) return null;
  return rows.flatMap((r) => (r.userId ? [r.userId] : []));
}
