import { verifySlackRequest } from '@slack/bolt';

/** How far a request's timestamp may be from now, in seconds (Slack docs, "Verifying requests from Slack"). */
export const maxClockSkewSeconds = 5 * 60;

/**
 * Check Slack's v0 request signature — HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret — with
 * Bolt's `verifySlackRequest`, after refusing timestamps more than five minutes off in either direction (Bolt checks
 * only the past), which stops replays.
 * @returns null when the request is Slack's, else why not
 */
export function checkSlackSignature(
  signingSecret: string, rawBody: string, headers: Record<string, string | string[] | undefined>, nowMs: number = Date.now(),
): string | null {
  const signature = headers['x-slack-signature'];
  const timestamp = headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) {
    return 'missing or malformed X-Slack-Signature / X-Slack-Request-Timestamp';
  }
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > maxClockSkewSeconds) return 'stale X-Slack-Request-Timestamp';
  try {
    verifySlackRequest({
      signingSecret, body: rawBody, nowMilliseconds: nowMs,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
    });
    return null;
  } catch {
    return 'signature mismatch';
  }
}
