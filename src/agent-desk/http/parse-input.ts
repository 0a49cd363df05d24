import type { z } from 'zod';
import { DeskbotError } from '../../core/errors.js';

/**
 * Validate a request part against a zod schema.
 * @returns the parsed value
 * @throws DeskbotError `bad_request` (400) naming the first problem, e.g. "text: The text is empty."
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw new DeskbotError('bad_request', `${where}${issue?.message ?? 'Invalid input.'}`);
}
