import { createHash, timingSafeEqual } from 'node:crypto';

/** Answers whether an `Authorization` header value carries the admin token. */
export type AdminTokenCheck = (authorization: string | undefined) => boolean;

/**
 * Build the admin credential check for one token. Accepted: `Bearer <token>` (RFC 6750) and HTTP Basic (RFC 7617)
 * with any user name and the token as password, so a browser's own login prompt opens the dashboard.
 * Both sides are SHA-256 hashed before `timingSafeEqual`, so neither the token's content nor its length leaks
 * through response timing.
 * @param adminToken the configured ADMIN_TOKEN
 */
export function createAdminTokenCheck(adminToken: string): AdminTokenCheck {
  const expected = sha256(adminToken);
  return (authorization) => {
    const presented = presentedSecret(authorization);
    return presented !== undefined && timingSafeEqual(sha256(presented), expected);
  };
}

/**
 * The secret an `Authorization` header presents: the token of `Bearer <token>`, or the password of HTTP Basic.
 * @returns undefined for a missing header or another scheme
 */
export function presentedSecret(authorization: string | undefined): string | undefined {
  const match = /^(\w+) +(\S+) *$/.exec(authorization ?? '');
  if (!match) return undefined;
  const scheme = match[1]!.toLowerCase();
  if (scheme === 'bearer') return match[2];
  if (scheme !== 'basic') return undefined;
  const decoded = Buffer.from(match[2]!, 'base64').toString('utf8');
  // The user name cannot contain ':' (RFC 7617 §2), so the password is everything after the first one.
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
