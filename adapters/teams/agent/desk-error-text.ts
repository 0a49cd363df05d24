import { DeskbotError } from '../../../src/core/index.js';

/**
 * What an agent is told in Teams when the desk refuses an action (Claim, Resolve, a thread reply).
 * @param err anything the agent desk threw; a non-DeskbotError is reported as a failure without details
 */
export function deskErrorText(err: unknown): string {
  if (!(err instanceof DeskbotError)) return 'Something went wrong on my side; please try again in a moment.';
  switch (err.code) {
    case 'forbidden': return `Not sent: ${err.message} Only the agent who claimed the escalation can write to the employee or resolve it.`;
    case 'not_found': return 'This escalation no longer exists.';
    default: return `Not done: ${err.message}`;
  }
}
