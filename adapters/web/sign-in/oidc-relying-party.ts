import * as oidc from 'openid-client';
import { DeskbotError } from '../../../src/core/index.js';
import type { BoundUser } from '../direct-line-token.js';

/** Where and as whom deskbot signs employees in (OpenID Connect, authorization code flow with PKCE). */
export interface SignInOptions {
  /** Issuer identifier, e.g. `https://login.example.com/realms/staff`; discovery reads `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The callback registered at the provider: `<public URL>/auth/callback`. */
  redirectUrl: string;
  /** Scopes asked for; default `openid profile email`. */
  scopes?: string;
  /**
   * Where the provider sends the browser after signing out (register it at the provider as a post-logout redirect
   * URI). Unset → sign-out ends deskbot's session only.
   */
  postLogoutRedirectUrl?: string;
}

/** A verified sign-in: the employee, and the ID token (kept as the `id_token_hint` for signing out at the provider). */
export interface VerifiedSignIn {
  user: BoundUser;
  idToken?: string;
}

/** What must survive the round trip through the provider (kept in the sealed sign-in cookie). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
}

/** The OpenID Connect client side of sign-in. */
export interface RelyingParty {
  /** A fresh state, nonce and PKCE verifier, and the provider URL to send the browser to. */
  start(): Promise<{ pending: PendingSignIn; url: string }>;
  /**
   * Redeem the callback: checks state, exchanges the code with the PKCE verifier, verifies the ID token (signature,
   * issuer, audience, expiry, nonce) and returns the employee it names.
   * @param callbackUrl the callback URL as the browser requested it (with `code` and `state`)
   * @throws whatever openid-client throws for a failed check or a provider error
   */
  finish(callbackUrl: URL, pending: PendingSignIn): Promise<VerifiedSignIn>;
  /**
   * The provider's end-session URL (OpenID Connect RP-Initiated Logout 1.0 §2) with `client_id`, the
   * `post_logout_redirect_uri` and, when known, `id_token_hint`; null when no post-logout URL is configured, the
   * provider advertises no `end_session_endpoint`, or it cannot be reached (then only deskbot's session ends).
   */
  endSessionUrl(idTokenHint?: string): Promise<string | null>;
}

/**
 * A relying party that discovers the provider on first use (and again after a failed discovery), so deskbot starts
 * even while the provider is unreachable. Plain-http issuers are allowed only on loopback, for local providers.
 */
export function createRelyingParty(options: SignInOptions): RelyingParty {
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= discover(options).catch((err: unknown) => {
      discovered = undefined;
      throw new DeskbotError('dependency_missing', `OpenID Connect discovery at ${options.issuer} failed`, { status: 502, cause: err });
    });
    return discovered;
  };
  return {
    async start() {
      const config = await configuration();
      const pending = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier() };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: options.redirectUrl,
        scope: options.scopes ?? 'openid profile email',
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { pending, url: url.href };
    },
    async finish(callbackUrl, pending) {
      const config = await configuration();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true,
      });
      const claims = tokens.claims()!;
      // Many providers put profile and email only in UserInfo unless asked otherwise; openid-client checks its `sub`.
      const extra = (claims.email === undefined || claims.name === undefined) && tokens.access_token
        ? await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)
        : {};
      return { user: employeeFromClaims({ ...extra, ...claims }), ...(tokens.id_token ? { idToken: tokens.id_token } : {}) };
    },
    async endSessionUrl(idTokenHint) {
      if (!options.postLogoutRedirectUrl) return null;
      const config = await configuration().catch(() => null);
      if (!config?.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(config, {
        client_id: options.clientId,
        post_logout_redirect_uri: options.postLogoutRedirectUrl,
        ...(idTokenHint ? { id_token_hint: idTokenHint } : {}),
      }).href;
    },
  };
}

/**
 * The bound user for verified claims: id = `sub` in the issuer's namespace; the email only when the provider did not
 * say `email_verified: false` (some providers, e.g. Entra ID, never send the claim for work accounts).
 */
export function employeeFromClaims(claims: Record<string, unknown>): BoundUser {
  const text = (key: string) => (typeof claims[key] === 'string' && claims[key] !== '' ? (claims[key] as string).slice(0, 256) : undefined);
  const email = claims.email_verified === false ? undefined : text('email');
  const name = text('name') ?? text('preferred_username') ?? email;
  return { id: String(claims.sub), tenant: String(claims.iss), name, email };
}

async function discover(options: SignInOptions): Promise<oidc.Configuration> {
  const issuer = new URL(options.issuer);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
  return oidc.discovery(issuer, options.clientId, options.clientSecret, oidc.ClientSecretBasic(options.clientSecret), {
    execute: issuer.protocol === 'http:' && loopback ? [oidc.allowInsecureRequests] : [],
  });
}
