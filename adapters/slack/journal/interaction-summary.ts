import type { JournalBodySummary } from '../../../src/core/index.js';
import { conversationFor } from '../conversation-key.js';
import { readBlockAction } from '../inbound/read-block-action.js';
import { formTargetSchema, readViewValues } from '../render/form-modal.js';

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const record = (value: unknown) => (typeof value === 'object' && value !== null ? value as Record<string, unknown> : {});

/** A journaled choice click: its conversation as read-block-action.ts keys it, the clicker, the button's label (or value). */
export function summarizeClick(body: Record<string, unknown>): JournalBodySummary {
  const click = readBlockAction(body);
  if (!click) return { conversationExternalId: '', senderExternalId: str(record(body.user).id), text: '' };
  return { conversationExternalId: click.conversation.externalId, senderExternalId: click.user, text: click.action.label ?? click.action.value };
}

/**
 * A journaled modal submission: the form's conversation (from its private metadata; '' for the new-request modal,
 * whose DM is only known once opened), the submitter, and the values typed, one `field: value` a line.
 */
export function summarizeSubmission(body: Record<string, unknown>): JournalBodySummary {
  const view = record(body.view);
  let target: unknown = null;
  try { target = JSON.parse(str(view.private_metadata)); } catch { /* not deskbot's metadata */ }
  const form = formTargetSchema.safeParse(target);
  const values = readViewValues(record(view.state).values);
  return {
    conversationExternalId: form.success ? conversationFor(form.data.team, form.data.channel, form.data.thread_ts).externalId : '',
    senderExternalId: str(record(body.user).id),
    text: values.description ?? Object.entries(values).map(([field, value]) => `${field}: ${value}`).join('\n'),
  };
}

/** A journaled `/it <text>`: no conversation (its DM is only known once opened), the caller, the words. */
export function summarizeCommand(body: Record<string, unknown>): JournalBodySummary {
  return { conversationExternalId: '', senderExternalId: str(body.user_id), text: str(body.text).trim() };
}
