import { DeskbotError } from '../core/errors.js';

/** ITIL impact or urgency: 1 high, 2 medium, 3 low. */
export type Level = 1 | 2 | 3;

/** Ticket priority, P1 (highest) … P4. */
export type Priority = 1 | 2 | 3 | 4;

// Rows: impact 1..3; columns: urgency 1..3. The common ITIL 3×3 matrix collapsed onto four priorities.
const matrix: readonly (readonly Priority[])[] = [
  [1, 2, 3],
  [2, 3, 4],
  [3, 4, 4],
];

/**
 * Priority from the ITIL impact × urgency matrix:
 * (1,1)→P1; (1,2),(2,1)→P2; (1,3),(2,2),(3,1)→P3; (2,3),(3,2),(3,3)→P4.
 * @throws DeskbotError `bad_request` when impact or urgency is not 1, 2 or 3 (values can come from admin-edited intents)
 */
export function priorityFor(impact: Level, urgency: Level): Priority {
  if (!isLevel(impact) || !isLevel(urgency)) {
    throw new DeskbotError('bad_request', `impact and urgency must be 1, 2 or 3 (got ${impact}, ${urgency})`);
  }
  return matrix[impact - 1]![urgency - 1]!;
}

/** True when `value` is a valid ITIL level (1, 2 or 3). */
export function isLevel(value: unknown): value is Level {
  return value === 1 || value === 2 || value === 3;
}
