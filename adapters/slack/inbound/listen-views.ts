import type { App } from '@slack/bolt';
import { z } from 'zod';
import { conversationFor, isDirectMessage } from '../conversation-key.js';
import { callbackIds, formTargetSchema, readViewValues } from '../render/form-modal.js';
import { runTurn } from '../run-turn.js';
import type { SlackRuntime } from '../slack-runtime.js';
import { openDirectMessage, quoteOf } from './open-direct-message.js';
import { threadConversation } from './thread-conversation.js';

const submissionSchema = z.object({
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  view: z.object({ id: z.string().min(1), private_metadata: z.string().max(3000), state: z.object({ values: z.unknown() }) }),
});

/**
 * Modal submissions (`view_submission`). A request form goes back into the conversation it was offered in as the
 * action `{ value: submitValue, fields }`; the new-request modal starts a conversation in the bot's DM. The event id
 * is the view id, so a resubmitted delivery of the same modal is dropped. An empty acknowledgement closes the modal.
 */
export function listenForViews(bolt: App, rt: SlackRuntime): void {
  bolt.view(callbackIds.form, async ({ ack, body }) => {
    await ack();
    await rt.track('form submitted', () => onFormSubmitted(rt, body));
  });
  bolt.view(callbackIds.newRequest, async ({ ack, body }) => {
    await ack();
    await rt.track('new request submitted', () => onNewRequest(rt, body));
  });
}

async function onFormSubmitted(rt: SlackRuntime, body: unknown): Promise<void> {
  const submission = submissionSchema.safeParse(body);
  const target = submission.success ? formTargetSchema.safeParse(safeJson(submission.data.view.private_metadata)) : null;
  if (!submission.success || !target?.success) {
    rt.deps.logger.warn({}, 'Slack form submission without deskbot metadata ignored');
    return;
  }
  const { user, view } = submission.data;
  const { submit, ...reference } = target.data;
  const thread = conversationFor(reference.team, reference.channel, reference.thread_ts);
  // In a channel thread the form goes to the submitter's own conversation there; a bystander's is dropped (onChoice).
  const { externalId, known } = isDirectMessage(reference.channel) ? { ...thread, known: true } : await threadConversation(rt, thread, user.id);
  if (!known) {
    rt.deps.logger.debug({ conversation: thread.externalId }, 'Slack form submitted by someone without a conversation in the thread: ignored');
    return;
  }
  const sender = await rt.identities.sender(reference.team, user.id);
  await runTurn(rt, {
    channel: 'slack', eventId: `view:${view.id}`, conversation: { externalId, reference: { ...reference } }, sender, text: '',
    action: { value: submit, fields: readViewValues(view.state.values) }, receivedAt: new Date(),
  }, reference);
}

async function onNewRequest(rt: SlackRuntime, body: unknown): Promise<void> {
  const submission = submissionSchema.safeParse(body);
  const meta = submission.success ? z.object({ team: z.string().min(1) }).safeParse(safeJson(submission.data.view.private_metadata)) : null;
  if (!submission.success || !meta?.success) return;
  const { user, view } = submission.data;
  const text = readViewValues(view.state.values).description ?? '';
  const channel = await openDirectMessage(rt, user.id);
  const { externalId, reference } = conversationFor(meta.data.team, channel);
  const sender = await rt.identities.sender(meta.data.team, user.id);
  await runTurn(rt, {
    channel: 'slack', eventId: `view:${view.id}`, conversation: { externalId, reference: { ...reference } }, sender, text, receivedAt: new Date(),
  }, reference, quoteOf(text));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
