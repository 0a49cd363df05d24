import { z } from 'zod';
import { DeskbotError } from '../../src/core/index.js';

const record = z.record(z.string(), z.unknown());

/**
 * The parts of a client-sent Direct Line activity that deskbot keeps (Bot Framework Activity schema); anything else is
 * dropped. `id`, `timestamp`, `conversation` and `channelId` are the server's to set: a client's `id` is read only
 * as an idempotency key (see {@link clientActivityIdOf}), never stored as the activity's id.
 */
export const inboundActivitySchema = z.object({
  type: z.string().min(1).max(64),
  id: z.string().max(256).optional(),
  text: z.string().optional(),
  textFormat: z.string().max(20).optional(),
  value: z.unknown().optional(),
  name: z.string().max(200).optional(),
  from: z.object({ id: z.string().max(256).optional(), name: z.string().max(256).optional() }).optional(),
  channelData: record.optional(),
  locale: z.string().max(35).optional(),
  localTimestamp: z.string().max(64).optional(),
  localTimezone: z.string().max(64).optional(),
  replyToId: z.string().max(300).optional(),
  attachments: z.array(record).max(20).optional(),
  entities: z.array(record).max(20).optional(),
});

/** A client-sent activity after validation. */
export type InboundActivity = z.infer<typeof inboundActivitySchema>;

/** Body of "start conversation" and "generate token": an optional user to bind (honoured only for the secret holder). */
export const conversationRequestSchema = z.object({
  user: z.object({
    id: z.string().min(1).max(256).optional(),
    name: z.string().max(256).optional(),
    email: z.email().max(320).optional(),
  }).optional(),
}).nullish();

/** Query of the activity set and reconnect routes. */
export const watermarkQuerySchema = z.object({ watermark: z.string().max(20).optional() });

/**
 * Validate with a zod schema; failures become DeskbotError `bad_request` naming the first problem's path.
 * @throws DeskbotError 400
 */
export function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new DeskbotError('bad_request', `Invalid ${what}${where}: ${issue?.message ?? 'malformed'}.`);
}

/**
 * The client's key for an activity, kept across its retries: `channelData.clientActivityID` (Web Chat sets it), else
 * an `id` the client put on the activity itself (Direct Line ignores it, but a client that resends the same `id` means
 * the same message, so it must not open a second ticket).
 */
export function clientActivityIdOf(activity: InboundActivity): string | undefined {
  const usable = (id: unknown) => (typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : undefined);
  return usable(activity.channelData?.clientActivityID) ?? usable(activity.id);
}
