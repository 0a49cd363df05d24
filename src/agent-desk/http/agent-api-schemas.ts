import { z } from 'zod';

/** Longest agent reply, in characters (the employee's channels split nothing shorter). */
export const maxReplyChars = 4000;

/** `:id` of an escalation: an opaque id, bounded so junk never reaches the database. */
export const escalationParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'Not an escalation id.') });

/** Body of `POST /api/agent/status`. */
export const statusBody = z.object({ status: z.enum(['available', 'away']) });

/** Body of `POST /api/agent/escalations/:id/messages`: 1–4000 characters once trimmed. */
export const messageBody = z.object({
  text: z.string().trim().min(1, 'The text is empty.').max(maxReplyChars, `The text is over ${maxReplyChars} characters.`),
});

/** Body of `POST /api/agent/escalations/:id/resolve`; the note is optional. */
export const resolveBody = z.object({ note: z.string().trim().max(maxReplyChars).optional() }).optional();
