import type { Db } from '../db/client.js';
import type { Reply } from '../core/reply.js';
import { choiceValue } from './choice-values.js';
import { parseDialogState } from './dialog-state.js';

/**
 * After an agent resolves a ticket: set the conversation to expect a 1–5 satisfaction rating and return the reply
 * that asks for it (the caller sends it on the employee's channel). Typed digits and the buttons are both accepted.
 * An incident still waiting for its impact answer is parked, not dropped (ITIL: every incident is logged): its
 * question comes back after the rating, and the pending-incident sweep logs it if nobody answers.
 */
export async function askForRating(db: Db, conversationId: string, ticketNumber: string, resolutionNote?: string): Promise<Reply> {
  const row = await db.conversation.findUnique({ where: { id: conversationId }, select: { state: true } });
  const state = parseDialogState(row?.state);
  const waiting = state.pending?.type === 'ask_impact' ? state.pending : null;
  if (waiting) state.parked = [...(state.parked ?? []), { intent: waiting.intent, text: waiting.text, id: waiting.id, since: waiting.since }];
  state.pending = { type: 'rating', ticket: ticketNumber };
  await db.conversation.update({ where: { id: conversationId }, data: { state: state as object } });
  const labels = ['1 · Poor', '2', '3', '4', '5 · Great'];
  return {
    text: `${ticketNumber} is resolved${resolutionNote ? `: ${withFullStop(resolutionNote.trim())}` : '.'} How did we do? Rate us from 1 to 5.`,
    choices: labels.map((label, i) => ({ label, value: choiceValue({ type: 'rate', score: (i + 1) as 1 | 2 | 3 | 4 | 5 }) })),
  };
}

function withFullStop(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
