import type { Db } from '../db/client.js';
import type { Reply } from '../core/reply.js';
import { choiceValue } from './choice-values.js';
import { parseDialogState } from './dialog-state.js';

/**
 * After an agent resolves a ticket: set the conversation to expect a 1–5 satisfaction rating and return the reply
 * that asks for it (the caller sends it on the employee's channel). Typed digits and the buttons are both accepted.
 */
export async function askForRating(db: Db, conversationId: string, ticketNumber: string, resolutionNote?: string): Promise<Reply> {
  const row = await db.conversation.findUnique({ where: { id: conversationId }, select: { state: true } });
  const state = parseDialogState(row?.state);
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
