import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { Form, FormField } from '../../../src/core/index.js';
import { limits, plain } from './block-kit.js';

/** Callback ids of deskbot's modals. */
export const callbackIds = { form: 'deskbot:form', newRequest: 'deskbot:new_request' } as const;

/** Where a modal's answer goes: the conversation the form was offered in. Kept in the view's `private_metadata`. */
export const formTargetSchema = z.object({
  team: z.string().min(1),
  channel: z.string().min(1),
  thread_ts: z.string().optional(),
  /** The form's submit value. */
  submit: z.string().min(1).max(200),
});
export type FormTarget = z.infer<typeof formTargetSchema>;

const formSchema = z.object({
  title: z.string().min(1).max(24),
  submitLabel: z.string().min(1).max(24),
  submitValue: z.string().min(1).max(200),
  fields: z.array(z.object({
    id: z.string().min(1).max(40),
    label: z.string().min(1).max(200),
    kind: z.enum(['text', 'textarea', 'select']),
    required: z.boolean(),
    placeholder: z.string().max(150).optional(),
    options: z.array(z.object({ label: z.string().min(1).max(75), value: z.string().min(1).max(150) })).max(100).optional(),
  })).min(1).max(20),
});

/**
 * Pack a form into a button value (deflated JSON, base64url), so the modal can be built from the click alone on any
 * instance, with nothing stored. Null when it does not fit Slack's 2,000-character button value.
 */
export function encodeForm(form: Form): string | null {
  const packed = deflateRawSync(Buffer.from(JSON.stringify(form))).toString('base64url');
  return packed.length <= limits.buttonValue ? packed : null;
}

/** Unpack a button value made by {@link encodeForm}; null when it is not one. */
export function decodeForm(value: string): Form | null {
  try {
    const json: unknown = JSON.parse(inflateRawSync(Buffer.from(value, 'base64url'), { maxOutputLength: 64 * 1024 }).toString('utf8'));
    const parsed = formSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The modal for a form (Slack `views.open`): one input block per field, block id and action id = the field id. */
export function formModal(form: Form, target: FormTarget): types.ModalView {
  return {
    type: 'modal',
    callback_id: callbackIds.form,
    private_metadata: JSON.stringify(target),
    title: plain(form.title, 24),
    submit: plain(form.submitLabel, 24),
    close: plain('Cancel', 24),
    blocks: form.fields.map(inputBlock),
  };
}

function inputBlock(field: FormField): types.InputBlock {
  const placeholder = field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {};
  const element: types.InputBlockElement = field.kind === 'select'
    ? { type: 'static_select', action_id: field.id, ...placeholder, options: (field.options ?? []).map((o) => ({ text: plain(o.label, 75), value: o.value })) }
    : { type: 'plain_text_input', action_id: field.id, multiline: field.kind === 'textarea', max_length: 2000, ...placeholder };
  return { type: 'input', block_id: field.id, label: plain(field.label, 2000), optional: !field.required, element };
}

const stateValueSchema = z.object({
  value: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
});
const stateSchema = z.record(z.string(), z.record(z.string(), stateValueSchema));

/**
 * The values of a submitted modal (`view.state.values`), by block id: text inputs as typed, selects by option value.
 * Empty inputs are left out.
 */
export function readViewValues(values: unknown): Record<string, string> {
  const parsed = stateSchema.safeParse(values);
  if (!parsed.success) return {};
  const fields: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(parsed.data)) {
    const first = Object.values(actions)[0];
    const value = first?.selected_option?.value ?? first?.value ?? '';
    if (value.trim()) fields[blockId] = value;
  }
  return fields;
}
