import { SignJWT, errors, jwtVerify } from 'jose';
import { DeskbotError } from '../../src/core/index.js';

/** A signed-in user a token was bound to by whoever holds the Direct Line secret. */
export interface BoundUser {
  id: string;
  name?: string;
  email?: string;
}

/** What a verified token grants: one conversation, optionally as one user. */
export interface TokenGrant {
  conversationId: string;
  user?: BoundUser;
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
  /** 'conversation' tokens work on the REST API; 'stream' tokens only open the WebSocket stream. */
  scope: 'conversation' | 'stream';
}

const ISSUER = 'deskbot';
const AUDIENCE = 'directline';
/** Direct Line gives a client 60 seconds to open the stream URL it was handed. */
export const STREAM_TOKEN_SECONDS = 60;

/**
 * Sign a Direct Line token (JWT, HS256). The bound user's id goes in the `user` claim, where Web Chat and
 * botframework-directlinejs read it to set `from.id`.
 * @param ttlSeconds lifetime in seconds
 */
export async function signToken(key: Uint8Array, grant: Omit<TokenGrant, 'expiresAt'>, ttlSeconds: number): Promise<string> {
  const claims: Record<string, unknown> = { conv: grant.conversationId, scope: grant.scope };
  if (grant.user) {
    claims.user = grant.user.id;
    if (grant.user.name) claims.name = grant.user.name;
    if (grant.user.email) claims.email = grant.user.email;
  }
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(key);
}

/**
 * Verify a token this server signed.
 * @throws DeskbotError `forbidden` (403) when it expired — Direct Line clients take 403 as "get a new token" —
 *   and `unauthorized` (401) when it is not a valid token of ours
 */
export async function verifyToken(key: Uint8Array, token: string): Promise<TokenGrant> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    const { conv, user, name, email, scope, exp } = payload as Record<string, unknown>;
    if (typeof conv !== 'string' || (scope !== 'conversation' && scope !== 'stream') || typeof exp !== 'number') {
      throw new DeskbotError('unauthorized', 'The token is not a Direct Line token.');
    }
    const bound = typeof user === 'string'
      ? { id: user, name: typeof name === 'string' ? name : undefined, email: typeof email === 'string' ? email : undefined }
      : undefined;
    return { conversationId: conv, user: bound, expiresAt: exp, scope };
  } catch (err) {
    if (err instanceof DeskbotError) throw err;
    if (err instanceof errors.JWTExpired) throw new DeskbotError('forbidden', 'The token expired; get a new one.');
    throw new DeskbotError('unauthorized', 'The token is invalid.');
  }
}
