import { DeskbotError, type SenderIdentity, type TranscriptConversation } from '../../src/core/index.js';
import type { Principal } from './authenticate.js';
import type { BoundUser } from './direct-line-token.js';

/**
 * Decide who sent an activity. Identity comes from the credential, never from the activity:
 * - a token bound to a user, or a conversation the secret holder bound (when the secret itself calls), speaks as that
 *   user, `verified: true` — the secret holder or deskbot's OpenID Connect sign-in vouched for id, name and email;
 * - the secret holder may name the user in `from` (`verified: true`, no email: a Direct Line ChannelAccount has none).
 *   Whoever holds the secret can mint a token bound to anyone, so believing its `from` grants nothing more;
 * - everyone else is the conversation's guest, `guest:<conversationId>`, `verified: false`, whatever `from` says.
 * @param from the activity's `from`, used only to check it against a bound user and for the secret holder
 * @throws DeskbotError 403 `forbidden` when `from.id` names someone other than the bound user
 */
export function resolveSender(
  principal: Principal,
  conversation: TranscriptConversation,
  from: { id?: string; name?: string } | undefined,
): SenderIdentity {
  const bound = boundUserOf(principal, conversation, from?.name);
  if (bound) {
    if (from?.id && from.id !== bound.id) throw new DeskbotError('forbidden', 'from.id does not match the user this token was issued to.');
    return compact({ externalId: bound.id, tenant: bound.tenant, email: bound.email, name: bound.name, verified: true });
  }
  if (principal.kind === 'secret' && from?.id) return compact({ externalId: from.id, name: from.name, verified: true });
  return { externalId: `guest:${conversation.id}`, verified: false };
}

/** The user the token names, else the one the conversation was bound to (for the secret holder, who has no token). */
function boundUserOf(principal: Principal, conversation: TranscriptConversation, name: string | undefined): BoundUser | undefined {
  if (principal.kind === 'token' && principal.user) return principal.user;
  if (!conversation.userId) return undefined;
  return { id: conversation.userId, tenant: conversation.userTenant ?? undefined, name };
}

function compact(identity: SenderIdentity): SenderIdentity {
  return Object.fromEntries(Object.entries(identity).filter(([, v]) => v !== undefined && v !== '')) as unknown as SenderIdentity;
}
