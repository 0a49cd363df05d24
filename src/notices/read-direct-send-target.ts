import type { Db } from '../db/client.js';
import type { EmployeeConversation } from '../agent-desk/send-to-employee.js';

/** Where a direct message to an employee goes, and the notices that must reach them first. */
export interface DirectSendTarget {
  /** The conversation's channel and reference; null when the conversation is gone. */
  conversation: EmployeeConversation | null;
  /** The conversation's notices still pending or queued, oldest first. */
  unsentNoticeIds: string[];
}

/**
 * Read, in one query, the conversation a direct message (an agent's) goes to and the notices it must not overtake,
 * so the message path pays nothing extra for keeping the order.
 */
export async function readDirectSendTarget(db: Db, conversationId: string): Promise<DirectSendTarget> {
  const [row] = await db.$queryRaw<Array<{ conversation: EmployeeConversation; unsent: string[] }>>`
    SELECT jsonb_build_object('channel', c."channel", 'reference', c."reference") AS "conversation",
      ARRAY(
        SELECT n."id" FROM "EmployeeNotice" AS n
        WHERE n."conversationId" = c."id" AND n."status" IN ('pending', 'queued') ORDER BY n."createdAt", n."id") AS "unsent"
    FROM "Conversation" AS c WHERE c."id" = ${conversationId}`;
  return { conversation: row?.conversation ?? null, unsentNoticeIds: row?.unsent ?? [] };
}
