import { DeskbotError, type SenderIdentity, type TranscriptConversation } from '../../src/core/index.js';
import type { Principal } from './authenticate.js';

/**
 * Decide who sent an activity. Identity comes from the credential, never from the activity: a token bound to a user
 * (or a conversation the secret holder bound) speaks as that user, verified; the secret holder may name the user in
 * `from`; everyone else is the conversation's guest, `guest:<conversationId>`, unverified.
 * @param from the activity's `from`, used only to check it against a bound user and for the secret holder
 * @throws DeskbotError 403 when `from.id` names someone other than the bound user
 */
export function resolveSender(
  principal: Principal,
  conversation: TranscriptConversation,
  from: { id?: string; name?: string } | undefined,
): SenderIdentity {
  const bound = principal.kind === 'token' && principal.user
    ? principal.user
    : conversation.userId ? { id: conversation.userId, name: from?.name, email: undefined } : undefined;
  if (bound) {
    if (from?.id && from.id !== bound.id) {
      throw new DeskbotError('forbidden', 'from.id does not match the user this token was issued to.');
    }
    return compact({ externalId: bound.id, email: bound.email, name: bound.name, verified: true });
  }
  if (principal.kind === 'secret' && from?.id) {
    return compact({ externalId: from.id, name: from.name, verified: true });
  }
  return { externalId: `guest:${conversation.id}`, verified: false };
}

function compact(identity: SenderIdentity): SenderIdentity {
  return Object.fromEntries(Object.entries(identity).filter(([, v]) => v !== undefined)) as unknown as SenderIdentity;
}
