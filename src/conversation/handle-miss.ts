import type { Turn } from './turn.js';
import { buttons, say } from './wording.js';

/**
 * A message deskbot did not understand. First miss: ask to rephrase. Second in a row: offer a ticket or a person,
 * keeping both messages so that the ticket carries everything the employee said.
 */
export function handleMiss(turn: Turn, options: { outOfScope: boolean }): void {
  const previous = turn.state.pending?.type === 'offer_help' ? turn.state.pending.text : turn.state.lastMissText;
  const text = [previous, turn.text].filter(Boolean).join('\n');
  turn.state.misses += 1;
  turn.summary.kind = options.outOfScope ? 'out_of_scope' : turn.summary.kind;
  if (turn.state.misses >= 2) {
    turn.state.pending = { type: 'offer_help', text };
    turn.replies.push({ text: say.offerHelp, choices: buttons.offerHelp() });
    return;
  }
  turn.state.pending = undefined;
  turn.state.lastMissText = turn.text;
  turn.replies.push({ text: options.outOfScope ? say.outOfScope : say.rephrase });
}
