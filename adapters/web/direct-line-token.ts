import { SignJWT, errors, jwtVerify } from 'jose';
import { DeskbotError, createLruCache, type LruCache } from '../../src/core/index.js';

/**
 * The user a token is bound to: named by the holder of the Direct Line secret (a trusted host page's backend), or by
 * deskbot's own OpenID Connect sign-in. Everything here is as true as its source: `email` counts as verified only
 * because that source vouched for it.
 */
export interface BoundUser {
  id: string;
  /** Namespace of `id`: the OpenID Connect issuer for a signed-in employee; absent for host-bound users. */
  tenant?: string;
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
    if (grant.user.tenant) claims.tid = grant.user.tenant;
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

/** 403, which Direct Line clients take as "get a new token". */
const tokenExpired = () => new DeskbotError('forbidden', 'The token expired; get a new one.');

/**
 * Verify a token this server signed. A token that passed once is remembered for its key until it expires (see
 * {@link verifiedByKey}), so only its expiry is checked again.
 * @throws DeskbotError `forbidden` (403) when it expired — Direct Line clients take 403 as "get a new token" —
 *   and `unauthorized` (401) when it is not a valid token of ours
 */
export async function verifyToken(key: Uint8Array, token: string): Promise<TokenGrant> {
  const verified = verifiedTokens(key);
  const known = verified.get(token);
  if (known) return known;
  const grant = await verifySignedToken(key, token);
  // Kept until the token's own expiry: jose's rule, expired once `exp` is at or before the current second, is the
  // cache's `expiresAt <= now` in ms. An expired token misses here and the full check above refuses it with 403.
  verified.set(token, grant, { expiresAt: grant.expiresAt * 1000 });
  return grant;
}

/**
 * Tokens already verified, per signing key: a client sends the same token with every request (two per message), and
 * the HMAC check through WebCrypto hops to the thread pool each time. Only a token that passed the full check is kept,
 * so a hit is the very string that was verified; each entry expires with its token. The least recently used goes first.
 */
const verifiedByKey = new WeakMap<Uint8Array, LruCache<TokenGrant>>();
const VERIFIED_TOKENS_KEPT = 10_000;

function verifiedTokens(key: Uint8Array): LruCache<TokenGrant> {
  let verified = verifiedByKey.get(key);
  // Every entry carries its token's expiry: the cache's own TTL is never used.
  if (!verified) verifiedByKey.set(key, (verified = createLruCache<TokenGrant>(VERIFIED_TOKENS_KEPT, Infinity)));
  return verified;
}

async function verifySignedToken(key: Uint8Array, token: string): Promise<TokenGrant> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    const { conv, user, scope, exp } = payload as Record<string, unknown>;
    if (typeof conv !== 'string' || (scope !== 'conversation' && scope !== 'stream') || typeof exp !== 'number') {
      throw new DeskbotError('unauthorized', 'The token is not a Direct Line token.');
    }
    return { conversationId: conv, user: typeof user === 'string' ? boundUserOf(user, payload) : undefined, expiresAt: exp, scope };
  } catch (err) {
    if (err instanceof DeskbotError) throw err;
    if (err instanceof errors.JWTExpired) throw tokenExpired();
    throw new DeskbotError('unauthorized', 'The token is invalid.');
  }
}

function boundUserOf(id: string, claims: Record<string, unknown>): BoundUser {
  const text = (key: string) => (typeof claims[key] === 'string' ? claims[key] as string : undefined);
  return { id, tenant: text('tid'), name: text('name'), email: text('email') };
}
