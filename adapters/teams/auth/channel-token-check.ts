import { AuthenticationError } from 'botframework-connector';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';

/** What a channel → bot token is checked against: the channel's OpenID configuration and the issuer it must carry. */
export interface ChannelTokenEndpoints {
  openIdMetadataUrl: string;
  issuer: string;
}

/**
 * Check a request's `Authorization: Bearer …` channel token before botbuilder does: signature by a key of the channel's
 * JWKS (found through its OpenID configuration), the channel issuer, an allowed RSA algorithm, expiry and not-before
 * (5 minutes' clock tolerance) — the checks botbuilder's JwtTokenExtractor makes with the same settings (Bot Framework
 * "Authenticate requests from the Bot Connector service to your bot"). Why twice: botbuilder prints a token it refuses
 * at that step (the error with its stack, or the signing key) to the console; a token refused here never gets there.
 * Audience, `serviceurl` and endorsements are left to botbuilder, which refuses those quietly.
 * @returns a check that resolves for a token worth giving to botbuilder
 * @throws (the check) AuthenticationError 401 with a short reason for a refused token; any other error when the
 *   OpenID configuration or JWKS cannot be fetched (the caller answers 500, so the channel retries)
 */
export function createChannelTokenCheck(endpoints: ChannelTokenEndpoints): (authHeader: string) => Promise<void> {
  let keys: Promise<JWTVerifyGetKey> | null = null;
  const keySet = () => {
    keys ??= discoverKeys(endpoints.openIdMetadataUrl).catch((err: unknown) => {
      keys = null; // not cached: the next request tries again
      throw err;
    });
    return keys;
  };
  return async (authHeader) => {
    const [scheme, token, ...rest] = authHeader.trim().split(/\s+/);
    if (scheme !== 'Bearer' || !token || rest.length) throw new AuthenticationError('Unauthorized. A Bot Framework bearer token is required.', 401);
    try {
      await jwtVerify(token, await keySet(), { issuer: endpoints.issuer, algorithms: ['RS256', 'RS384', 'RS512'], clockTolerance: 5 * 60 });
    } catch (err) {
      throw refusal(err) ?? err;
    }
  };
}

const metadataSchema = z.object({ jwks_uri: z.url({ protocol: /^https?$/ }) });

async function discoverKeys(metadataUrl: string): Promise<JWTVerifyGetKey> {
  const response = await fetch(metadataUrl, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`Bot Framework OpenID configuration answered ${response.status}`);
  return createRemoteJWKSet(new URL(metadataSchema.parse(await response.json()).jwks_uri));
}

/** The token's own fault, as a 401 with a reason; null when the keys could not be fetched (not the token's fault). */
function refusal(err: unknown): AuthenticationError | null {
  if (!(err instanceof errors.JOSEError)) return null;
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid || err.code === 'ERR_JOSE_GENERIC') return null;
  if (err instanceof errors.JWTExpired) return new AuthenticationError('Unauthorized. The token has expired.', 401);
  if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey) {
    return new AuthenticationError('Unauthorized. The token signature is invalid.', 401);
  }
  if (err instanceof errors.JWTClaimValidationFailed && err.claim === 'iss') {
    return new AuthenticationError('Unauthorized. The token was not issued by the Bot Framework channel.', 401);
  }
  return new AuthenticationError('Unauthorized. The token is not valid.', 401);
}
