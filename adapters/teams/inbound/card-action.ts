import type { InboundAction } from '../../../src/core/index.js';

/** Prefix of Adaptive Card input ids that carry a Form's fields (`field.<FormField.id>`). */
export const fieldInputPrefix = 'field.';
/** Key of deskbot's own choice value in an Action.Submit / Action.Execute `data` object. */
export const choiceKey = 'deskbot';

const maxValueLength = 2000;
const maxFieldLength = 4000;

/**
 * The InboundAction behind an Adaptive Card button (Action.Submit `value`, or Action.Execute `action.data`).
 * deskbot's own cards put the choice value under `deskbot` and form inputs under `field.<id>`; any other card's
 * data (a card deskbot did not send) is passed on as its JSON, so the pipeline answers it as a button it does not know.
 * @returns undefined when `data` is not an object
 */
export function toInboundAction(data: unknown): InboundAction | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  const choice = record[choiceKey];
  if (typeof choice !== 'string') return { value: JSON.stringify(record).slice(0, maxValueLength) };
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!key.startsWith(fieldInputPrefix) || typeof value !== 'string') continue;
    fields[key.slice(fieldInputPrefix.length)] = value.slice(0, maxFieldLength);
  }
  return Object.keys(fields).length ? { value: choice.slice(0, maxValueLength), fields } : { value: choice.slice(0, maxValueLength) };
}
