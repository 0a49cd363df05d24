import type { Form, FormField } from '../core/reply.js';
import { redactSecrets } from '../redaction/redact.js';
import type { TicketRequest } from './open-ticket-reply.js';
import { sanitizeText } from './sanitize-text.js';
import type { Turn } from './turn.js';
import { say } from './wording.js';

/** Longest stored value of one form field, in characters. */
export const maxFieldLength = 2000;

/** One detail of a service request as it goes into the ticket description. */
export interface RequestDetail {
  label: string;
  value: string;
}

/**
 * Before a service request is opened: when its intent has a form and no details were given yet, reply with the form
 * (its text asks for the same details in words, for channels without forms) and wait for it instead.
 * A frustrated employee is not quizzed: their ticket opens at once.
 * @returns true when the form was sent and the ticket must not be opened now
 */
export function askForDetails(turn: Turn, request: TicketRequest): boolean {
  if (request.kind !== 'service_request' || request.details || !request.intent || request.escalation === 'frustration') return false;
  const form = turn.services.requestForms?.get(request.intent.name);
  if (!form) return false;
  turn.state.pending = { type: 'request_form', intent: request.intent.name, text: request.text, escalation: request.escalation };
  turn.state.misses = 0;
  turn.replies.push(formReply(form));
  return true;
}

/** The reply that carries a form, with its fields described in words. */
export function formReply(form: Form, missing: string[] = []): { text: string; form: Form } {
  const fields = form.fields.map(describeField).join('; ');
  const text = missing.length ? say.formMissing(missing) : say.formAsk(form.title, fields);
  return { text, form };
}

function describeField(field: FormField): string {
  const choices = field.options ? ` (${field.options.map((o) => o.label.toLowerCase()).join(', ')})` : '';
  return `${field.label.toLowerCase()}${choices}${field.required ? '' : ' (optional)'}`;
}

/**
 * Check submitted values against the form: every required field filled, selects one of their options. Values are
 * sanitized and redacted here, because they reach the ticket without passing the pipeline's redaction of the text.
 * @returns the details in the form's order (select values shown by label), or the labels of missing fields
 */
export function readFormFields(form: Form, fields: Record<string, string>): { details: RequestDetail[] } | { missing: string[] } {
  const details: RequestDetail[] = [];
  const missing: string[] = [];
  for (const field of form.fields) {
    const raw = typeof fields[field.id] === 'string' ? fields[field.id]! : '';
    const value = redactSecrets(sanitizeText(raw).text.slice(0, maxFieldLength)).text;
    const shown = field.options ? field.options.find((o) => o.value === value)?.label : value;
    if (!shown) {
      if (field.required) missing.push(field.label);
      continue;
    }
    details.push({ label: field.label, value: shown });
  }
  return missing.length ? { missing } : { details };
}

/** The ticket description: the employee's words, then the details, one a line. */
export function describeRequest(text: string, details: RequestDetail[]): string {
  const lines = details.map((d) => `- ${d.label}: ${d.value.replace(/\s*\n\s*/g, ' / ')}`);
  return [text, lines.length ? `Details:\n${lines.join('\n')}` : ''].filter(Boolean).join('\n\n');
}
