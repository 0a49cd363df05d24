import { DeskbotError } from '../core/errors.js';

/**
 * The error for acting on (claiming, resolving, messaging, releasing) an escalation that is resolved already: a
 * conflict with its state, answered 409 `conflict`, not a malformed request (400).
 */
export function alreadyResolved(id: string): DeskbotError {
  return new DeskbotError('conflict', `escalation ${id} is already resolved`);
}
