import type { Db } from '../db/client.js';
import { DeskbotError } from '../core/errors.js';
import { sendToConversation, type ChannelLookup } from '../agent-desk/send-to-employee.js';
import { claimEmployeeNotice, type NoticeClaim, type NoticeRefusal } from './claim-employee-notice.js';

/** What one delivery attempt did: sent now, already sent before (a duplicate job or retry), or no such notice. */
export type NoticeDelivery = 'sent' | 'already_sent' | 'missing';

/** How long a send may take, in ms. */
export interface NoticeSendTimes {
  /** After this long a send counts as failed (default 60 s). */
  sendTimeoutMs?: number;
  /**
   * How much longer the claim lasts (default 30 s): a send that timed out may still land in that time, and no other
   * sender sends the notice again before it is over.
   */
  claimMarginMs?: number;
}

/**
 * Send one EmployeeNotice through the channel proactive-send path and mark it sent, at most once while a claim is live:
 * the notice is claimed in one short statement ({@link claimEmployeeNotice}, which also keeps each conversation's
 * notices in order), sent with no transaction open and no row locked, then marked sent in a second statement. A
 * second worker, instance or duplicate job finds the claim and fails fast; a sender that crashed mid-send leaves a
 * claim that expires after `sendTimeoutMs` + `claimMarginMs`, and the notice is sent again (at least once, then).
 * A failed attempt records `lastError` and drops the claim (a timed-out one keeps it until it expires, in case the
 * send still lands: then the notice is marked sent after all), and is rethrown for the caller to retry.
 * @throws whatever the send throws (DeskbotError `channel_send_failed`, `not_found`, …), DeskbotError
 *   `channel_send_failed` when it took longer than `sendTimeoutMs`, {@link NoticeBusyError} while another sender
 *   holds the notice or an older notice of its conversation is unsent
 */
export async function deliverEmployeeNotice(db: Db, channels: ChannelLookup, id: string, times: NoticeSendTimes = {}): Promise<NoticeDelivery> {
  const sendTimeoutMs = times.sendTimeoutMs ?? 60_000;
  const claim = await claimEmployeeNotice(db, id, sendTimeoutMs + (times.claimMarginMs ?? 30_000));
  if (claim === 'missing') return 'missing';
  if (claim === 'sent') return 'already_sent';
  if (typeof claim === 'string') throw new NoticeBusyError(id, claim);
  const sending = sendToConversation(channels, claim.conversationId, claim.conversation, claim.replies);
  const timeout = new DeskbotError('channel_send_failed', `The channel did not answer within ${sendTimeoutMs} ms.`);
  try {
    await within(sending, sendTimeoutMs, timeout);
  } catch (err) {
    // The send's error is the one to report; a failure record that did not land only leaves the claim to expire.
    await recordFailure(db, claim, err instanceof Error ? err.message : String(err), err === timeout).catch(() => undefined);
    if (err === timeout) void sending.then(() => markSent(db, id)).catch(() => undefined);
    throw err;
  }
  await markSent(db, id);
  return 'sent';
}

/** A notice was not claimed: another sender holds it (`claimed`), or an older notice of its conversation is unsent (`behind`). */
export class NoticeBusyError extends Error {
  constructor(readonly noticeId: string, readonly reason: Exclude<NoticeRefusal, 'missing' | 'sent'> = 'claimed') {
    super(reason === 'claimed'
      ? `notice ${noticeId} is being delivered elsewhere`
      : `notice ${noticeId} waits for an older notice of its conversation`);
    this.name = 'NoticeBusyError';
  }
}

/**
 * Mark a notice whose every attempt failed as `failed` (it stays in the table, and its job in the queue dashboard).
 * @returns true when the notice was still unsent
 */
export async function markNoticeFailed(db: Db, id: string, error: string): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "EmployeeNotice" SET "status" = 'failed', "lastError" = ${error.slice(0, 500)} WHERE "id" = ${id} AND "status" <> 'sent'`;
  return count > 0;
}

// Whoever's claim it was: a send that landed is a fact.
async function markSent(db: Db, id: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "EmployeeNotice" SET "status" = 'sent', "sentAt" = now(), "sendingUntil" = NULL, "lastError" = NULL WHERE "id" = ${id} AND "status" <> 'sent'`;
}

// Only while the claim is still ours: a later claim (ours expired) is left alone.
async function recordFailure(db: Db, claim: NoticeClaim, error: string, keepClaim: boolean): Promise<void> {
  await db.$executeRaw`
    UPDATE "EmployeeNotice" SET "lastError" = ${error.slice(0, 500)}, "sendingUntil" = CASE WHEN ${keepClaim}::boolean THEN "sendingUntil" END
    WHERE "id" = ${claim.id} AND "attempts" = ${claim.attempt} AND "status" <> 'sent'`;
}

function within<T>(work: Promise<T>, ms: number, timeout: Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(timeout), ms); });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
