import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DeskbotError } from '../core/errors.js';
import { readJsonFile } from '../config/read-json-file.js';
import type { Form } from '../core/reply.js';
import { choiceValue } from './choice-values.js';

const optionSchema = z.object({ label: z.string().min(1).max(75), value: z.string().min(1).max(75) });

const fieldSchema = z.object({
  // Field ids become Slack block ids and Adaptive Card input ids: keep them plain.
  id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: z.string().min(1).max(48),
  kind: z.enum(['text', 'textarea', 'select']),
  required: z.boolean(),
  placeholder: z.string().max(150).optional(),
  options: z.array(optionSchema).min(1).max(25).optional(),
}).refine((f) => (f.kind === 'select') === Boolean(f.options), { message: 'a select needs options; only a select has them' });

// Limits follow Slack's modal limits (title and submit label up to 24 characters), the strictest of the channels.
const formsSchema = z.record(z.string().min(1), z.object({
  title: z.string().min(1).max(24),
  submitLabel: z.string().min(1).max(24),
  fields: z.array(fieldSchema).min(1).max(10),
}));

/** The service-request forms by intent name (ITIL: the details a request fulfilment needs before work can start). */
export interface RequestFormCatalog {
  /** The form of an intent, or undefined when the intent needs no details up front. */
  get(intent: string): Form | undefined;
}

/** Where the shipped forms live: `prisma/seed/request-forms.json` of the checkout. */
export const seedRequestFormsPath = fileURLToPath(new URL('../../prisma/seed/request-forms.json', import.meta.url));

/**
 * Build a catalogue from JSON shaped like `prisma/seed/request-forms.json`: `{ "<intent>": { title, submitLabel, fields } }`.
 * Each form's `submitValue` is the choice value `form:<intent>`.
 * @throws DeskbotError `config_invalid` naming the first problem when the JSON does not match
 */
export function parseRequestForms(json: unknown): RequestFormCatalog {
  const parsed = formsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DeskbotError('config_invalid', `request forms: ${issue.path.join('.')}: ${issue.message}`);
  }
  const forms = new Map<string, Form>(Object.entries(parsed.data).map(([intent, f]) => [intent, {
    ...f, submitValue: choiceValue({ type: 'form', intent }),
  }]));
  return { get: (intent) => forms.get(intent) };
}

/**
 * Read the forms file.
 * @param path defaults to {@link seedRequestFormsPath}
 * @throws DeskbotError `config_invalid` when the file is missing, not JSON, or does not match
 */
export function loadRequestForms(path: string = seedRequestFormsPath): RequestFormCatalog {
  return parseRequestForms(readJsonFile(path, 'request forms'));
}
