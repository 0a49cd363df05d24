import { z } from 'zod';

/** Any Slack request body deskbot dispatches: an Events API envelope or an interactivity payload (`type`), or a slash command (`command`). */
const bodySchema = z.union([
  z.looseObject({ type: z.string().min(1) }),
  z.looseObject({ command: z.string().min(1), team_id: z.string().min(1) }),
]);

/** A parsed Slack request body, or why it could not be read. */
export type ParsedSlackBody = { ok: true; body: Record<string, unknown> } | { ok: false; message: string };

/**
 * Read a Slack request body by its content type: JSON (Events API), or form-encoded — interactivity sends
 * `payload=<JSON>`, slash commands send their fields.
 */
export function parseSlackBody(raw: string, contentType: string | undefined): ParsedSlackBody {
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  let candidate: unknown;
  try {
    if (media === 'application/json') candidate = JSON.parse(raw);
    else if (media === 'application/x-www-form-urlencoded') {
      const form = new URLSearchParams(raw);
      const payload = form.get('payload');
      candidate = payload !== null ? JSON.parse(payload) : Object.fromEntries(form);
    } else return { ok: false, message: `unsupported Content-Type ${media || '(none)'}` };
  } catch {
    return { ok: false, message: 'the body is not valid JSON' };
  }
  const parsed = bodySchema.safeParse(candidate);
  return parsed.success ? { ok: true, body: parsed.data as Record<string, unknown> } : { ok: false, message: 'not a Slack event, interaction or command' };
}

/** True for Slack's unsigned `ssl_check=1` probe of a slash command URL, which is answered 200 and not dispatched. */
export function isSslCheck(raw: string, contentType: string | undefined): boolean {
  if (!(contentType ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) return false;
  const form = new URLSearchParams(raw);
  return form.get('ssl_check') === '1' && !form.has('payload') && !form.has('command');
}
