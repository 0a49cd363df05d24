import { DeskbotError, type TranscriptConversation } from '../../src/core/index.js';
import type { Principal } from './authenticate.js';
import type { BoundUser } from './direct-line-token.js';
import type { ConversationGrant } from './web-channel-context.js';
import type { WebChannelDeps } from './web-channel-deps.js';

/**
 * The conversation with that id.
 * @throws DeskbotError 404 when there is none
 */
export async function mustExist(deps: WebChannelDeps, id: string): Promise<TranscriptConversation> {
  const conversation = await deps.store.getConversation(id);
  if (!conversation) throw new DeskbotError('not_found', 'No such conversation.');
  return conversation;
}

/**
 * The user a new conversation is bound to. Only the secret holder may bind one. Without credentials the caller is a
 * guest — allowed only when neither a secret nor sign-in is configured (with sign-in, browsers get their token from
 * `/api/web/token` after signing in) — and asking to be someone is refused rather than ignored, so a misconfigured
 * portal notices.
 * @throws DeskbotError 401 when a secret or sign-in is configured and no secret was given; 403 when a guest names a user
 */
export function bindableUser(
  deps: WebChannelDeps,
  principal: Principal | null,
  user: { id?: string; name?: string; email?: string } | undefined,
): BoundUser | undefined {
  if (principal?.kind === 'secret') return user?.id ? { id: user.id, name: user.name, email: user.email } : undefined;
  if (deps.secret) throw new DeskbotError('unauthorized', 'This needs "Authorization: Bearer <secret>".');
  if (deps.signIn) throw new DeskbotError('unauthorized', 'Guests are turned away: sign in at / (GET /auth/login) for a token.');
  if (user?.id) throw new DeskbotError('forbidden', 'Binding a user to a conversation needs the Direct Line secret.');
  return undefined;
}

/** The grant a token already carries, with its remaining lifetime. */
export function tokenGrant(principal: Principal & { kind: 'token' }): ConversationGrant {
  return {
    conversationId: principal.conversationId,
    token: principal.token,
    expires_in: Math.max(0, principal.expiresAt - Math.floor(Date.now() / 1000)),
  };
}
