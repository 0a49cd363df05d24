import type { JournalBodySummary } from '../../../src/core/index.js';
import { conversationFor, isDirectMessage } from '../conversation-key.js';
import { summarizeClick, summarizeCommand, summarizeSubmission } from './interaction-summary.js';

/**
 * What an unprocessed-message row needs from any journaled Slack delivery (journal-key.ts says which are): an Events
 * API envelope, a choice click, a modal submission or a slash command. Fields the body lacks are ''.
 */
export function summarizeJournaled(body: Record<string, unknown>): JournalBodySummary {
  if (body.type === 'block_actions') return summarizeClick(body);
  if (body.type === 'view_submission') return summarizeSubmission(body);
  if (typeof body.command === 'string') return summarizeCommand(body);
  return summarizeJournaledEvent(body);
}

/**
 * What an unprocessed-message row needs from a journaled Events API envelope: the conversation keyed as
 * read-message-event.ts keys a message (a colleague's own conversation in a thread is not told apart), the sender and
 * the event's `text`. Fields the envelope lacks are ''.
 */
export function summarizeJournaledEvent(body: Record<string, unknown>): JournalBodySummary {
  const event = (typeof body.event === 'object' && body.event ? body.event : {}) as Record<string, unknown>;
  const str = (value: unknown) => (typeof value === 'string' ? value : '');
  const team = str(body.team_id) || str(event.team);
  const channel = str(event.channel);
  const thread = str(event.thread_ts) || (isDirectMessage(channel) ? '' : str(event.ts));
  return {
    conversationExternalId: team && channel ? conversationFor(team, channel, thread || undefined).externalId : '',
    senderExternalId: str(event.user),
    text: str(event.text),
  };
}
