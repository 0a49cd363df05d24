import type { Db } from '../db/client.js';
import type { InboundMessage } from '../core/message.js';
import { identifyEmployee, type EmployeeRef } from './identify-employee.js';
import { lockConversationForEvent, type LockedConversation } from './lock-conversation-for-event.js';
import { lockConversationOfKnownSender } from './lock-known-sender.js';

/**
 * The start of a turn, inside its transaction: who sent the message ({@link identifyEmployee}) and the conversation,
 * locked, with the event recorded ({@link lockConversationForEvent}). For a sender seen before this is one statement
 * (lock-known-sender.ts); a new identity, a refused one, or an email to link take the long way, as before.
 * @throws DeskbotError `forbidden` as identifyEmployee does
 */
export async function openTurn(db: Db, message: InboundMessage): Promise<{ employee: EmployeeRef; conversation: LockedConversation }> {
  const { known, conversation } = await lockConversationOfKnownSender(db, message);
  if (known && conversation) return { employee: known, conversation };
  const employee = await identifyEmployee(db, message.channel, message.sender, { known });
  return { employee, conversation: await lockConversationForEvent(db, message, employee.id) };
}
