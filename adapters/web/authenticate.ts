import { timingSafeEqual } from 'node:crypto';
import { DeskbotError } from '../../src/core/index.js';
import { verifyToken, type TokenGrant } from './direct-line-token.js';

/** Who is calling: the holder of the Direct Line secret, or the holder of a conversation token. */
export type Principal = { kind: 'secret' } | ({ kind: 'token'; token: string } & TokenGrant);

/**
 * Read `Authorization: Bearer <secret or token>`. Returns null when the header is absent.
 * Stream tokens are refused here: they only open the WebSocket.
 * @throws DeskbotError 401 for a malformed header or invalid token, 403 for an expired one
 */
export async function authenticate(
  header: string | undefined,
  auth: { tokenKey: Uint8Array; secret?: string },
): Promise<Principal | null> {
  if (header === undefined || header === '') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new DeskbotError('unauthorized', 'Use "Authorization: Bearer <secret or token>".');
  const credential = match[1]!;
  if (auth.secret && sameSecret(credential, auth.secret)) return { kind: 'secret' };
  const grant = await verifyToken(auth.tokenKey, credential);
  if (grant.scope !== 'conversation') throw new DeskbotError('unauthorized', 'A stream token only opens the stream.');
  return { kind: 'token', token: credential, ...grant };
}

/**
 * Check that the principal may act in the conversation.
 * @throws DeskbotError 401 without credentials, 403 for a token of another conversation
 */
export function requireConversation(principal: Principal | null, conversationId: string): Principal {
  if (!principal) throw new DeskbotError('unauthorized', 'This needs "Authorization: Bearer <token>".');
  if (principal.kind === 'token' && principal.conversationId !== conversationId) {
    throw new DeskbotError('forbidden', 'The token is for another conversation.');
  }
  return principal;
}

/** True when `Authorization` carries the Direct Line secret itself (compared in constant time); false without a secret. */
export function holdsSecret(header: string | undefined, secret: string | undefined): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return Boolean(secret && match && sameSecret(match[1]!, secret));
}

function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
