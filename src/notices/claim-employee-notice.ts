import type { Db } from '../db/client.js';
import type { Reply } from '../core/reply.js';
import type { EmployeeConversation } from '../agent-desk/send-to-employee.js';

/** A claim on one notice: what to send and where. */
export interface NoticeClaim {
  id: string;
  /** The notice's `attempts` after this claim; tells this claim from a later one. */
  attempt: number;
  conversationId: string;
  replies: Reply[];
  /** The conversation's channel and reference, read with the claim; null when the conversation is gone. */
  conversation: EmployeeConversation | null;
}

/**
 * Why a notice was not claimed: no such notice, sent already, claimed by another sender right now, or behind an older
 * notice of its conversation that is still pending or queued.
 */
export type NoticeRefusal = 'missing' | 'sent' | 'claimed' | 'behind';

/**
 * Claim a notice for one send attempt, in one UPDATE that commits at once (no transaction stays open during the send):
 * `sendingUntil` = now + `claimMs`, `attempts` + 1. The notice must not be sent, and not be claimed (or its claim must
 * have expired: a crashed sender's notice is taken again). Concurrent claims queue on the row for the length of that
 * UPDATE only, and of those the first wins: the others find the claim live.
 *
 * Order rule: a notice is not claimed while an older notice of the same conversation (earlier `createdAt`, then `id`)
 * is `pending` or `queued`, so the employee never reads a later notice before an earlier one whose send failed. A
 * `failed` notice holds nothing back (it was given up on), and a notice committed later than the one claimed is not
 * waited for even if its `createdAt` (its transaction's start) is older.
 * @param claimMs how long the claim lasts, in ms: the longest send plus a margin
 * @returns the claim, or why there is none
 */
export async function claimEmployeeNotice(db: Db, id: string, claimMs: number): Promise<NoticeClaim | NoticeRefusal> {
  const [row] = await db.$queryRaw<Array<Omit<NoticeClaim, 'id'>>>`
    UPDATE "EmployeeNotice" AS n
    SET "sendingUntil" = now() + ${Math.ceil(claimMs)}::integer * interval '1 millisecond', "attempts" = n."attempts" + 1
    WHERE n."id" = ${id} AND n."status" <> 'sent' AND (n."sendingUntil" IS NULL OR n."sendingUntil" <= now())
      AND NOT EXISTS (
        SELECT 1 FROM "EmployeeNotice" AS o
        WHERE o."conversationId" = n."conversationId" AND o."status" IN ('pending', 'queued') AND (o."createdAt", o."id") < (n."createdAt", n."id"))
    RETURNING n."attempts" AS "attempt", n."conversationId", n."replies",
      (SELECT jsonb_build_object('channel', c."channel", 'reference', c."reference") FROM "Conversation" AS c WHERE c."id" = n."conversationId") AS "conversation"`;
  if (row) return { id, ...row };
  const [state] = await db.$queryRaw<Array<{ status: string; behind: boolean }>>`
    SELECT n."status"::text AS "status", EXISTS (
        SELECT 1 FROM "EmployeeNotice" AS o
        WHERE o."conversationId" = n."conversationId" AND o."status" IN ('pending', 'queued') AND (o."createdAt", o."id") < (n."createdAt", n."id")) AS "behind"
    FROM "EmployeeNotice" AS n WHERE n."id" = ${id}`;
  if (!state) return 'missing';
  if (state.status === 'sent') return 'sent';
  // Not behind: the claim was live (or was released between the two statements; asking again will tell).
  return state.behind ? 'behind' : 'claimed';
}
