import { z } from 'zod';
import { optionalSecret, optionalString, optionalUrl, type ConfigProblem, blankToUndefined } from './config-fields.js';

/** Addresses an OIDC issuer may use plain http at: the machine itself, for a provider run during development. */
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The web chat: Direct Line secrets and tokens, the public URL, OpenID Connect sign-in, rate limits. */
export const webChatSchema = z.object({
  /** Direct Line secret that host pages' backends exchange for conversation tokens. Unset → the web chat is open to guests. */
  DIRECTLINE_SECRET: optionalSecret('DIRECTLINE_SECRET', 24),
  /**
   * Key that signs Direct Line tokens and sign-in cookies. Unset → derived from DIRECTLINE_SECRET when that is set,
   * else generated once and kept in DATA_DIR (app/direct-line-token-key.ts).
   */
  DIRECTLINE_TOKEN_KEY: optionalSecret('DIRECTLINE_TOKEN_KEY', 32),
  /** Minutes a Direct Line token lives. */
  DIRECTLINE_TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  /** Base URL employees reach deskbot at, e.g. `https://desk.example.com`: stream URLs and the sign-in callback. */
  PUBLIC_URL: optionalUrl,
  // OpenID Connect sign-in for the chat page at `/`: on when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set.
  OIDC_ISSUER: optionalUrl,
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  /** Callback registered at the provider; default `<PUBLIC_URL>/auth/callback`. */
  OIDC_REDIRECT_URL: optionalUrl,
  OIDC_SCOPES: z.string().trim().min(1).default('openid profile email'),
  /**
   * Sign-out also ends the provider's session (RP-Initiated Logout) when the provider offers it; register
   * `<PUBLIC_URL>/auth/signed-out` (or OIDC_POST_LOGOUT_REDIRECT_URL) there. `false` → deskbot's session only.
   */
  OIDC_LOGOUT_AT_PROVIDER: z.stringbool().default(true),
  /** Where the provider returns the browser after sign-out; default `<PUBLIC_URL>/auth/signed-out`. */
  OIDC_POST_LOGOUT_REDIRECT_URL: optionalUrl,
  /** Token requests (/api/web/token, Direct Line tokens generate/refresh) per client address and window; 0 = no limit. */
  WEB_TOKEN_RATE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(60),
  /** The window of WEB_TOKEN_RATE_LIMIT, in seconds. */
  WEB_TOKEN_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(60),
  /**
   * Conversation starts (POST /v3/directline/conversations) per client address and window; 0 = no limit. Web Chat
   * makes one per page load, so the default leaves room for an office behind one NAT address.
   */
  WEB_CONVERSATION_RATE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(60),
  /** The window of WEB_CONVERSATION_RATE_LIMIT, in seconds. */
  WEB_CONVERSATION_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(60),
  /**
   * Start of the Redis keys the rate limits count in. Instances sharing a Redis and this prefix share the counts;
   * give another deployment on the same Redis its own.
   */
  WEB_RATE_LIMIT_PREFIX: z.preprocess(blankToUndefined, z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/).default('deskbot-rate-limit:')),
});

/** The web chat's settings, as validated. */
export type WebChatSettings = z.infer<typeof webChatSchema>;

/**
 * Sign-in settings that cannot work: only some of issuer, client id and secret; no callback URL; a plain-http issuer
 * elsewhere than this machine (tokens and the client secret travel to it).
 * @returns [variable, message] pairs; empty when the settings fit
 */
export function signInProblems(c: WebChatSettings): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const set = [c.OIDC_ISSUER, c.OIDC_CLIENT_ID, c.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (set > 0 && set < 3) problems.push(['OIDC_ISSUER', 'sign-in needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET']);
  if (set === 3 && !c.OIDC_REDIRECT_URL && !c.PUBLIC_URL) {
    problems.push(['OIDC_REDIRECT_URL', 'sign-in needs OIDC_REDIRECT_URL or PUBLIC_URL (the callback is <PUBLIC_URL>/auth/callback)']);
  }
  if (c.OIDC_ISSUER) {
    const issuer = new URL(c.OIDC_ISSUER);
    if (issuer.protocol !== 'https:' && !loopbackHosts.has(issuer.hostname)) {
      problems.push(['OIDC_ISSUER', 'OIDC_ISSUER must be an https URL (http only for localhost, 127.0.0.1 or [::1])']);
    }
  }
  return problems;
}

/** The chat page's OpenID Connect sign-in settings, or undefined when sign-in is off. */
export function signInSettings(c: WebChatSettings): {
  issuer: string; clientId: string; clientSecret: string; redirectUrl: string; scopes: string; postLogoutRedirectUrl?: string;
} | undefined {
  if (!c.OIDC_ISSUER || !c.OIDC_CLIENT_ID || !c.OIDC_CLIENT_SECRET) return undefined;
  const redirectUrl = c.OIDC_REDIRECT_URL ?? new URL('auth/callback', `${c.PUBLIC_URL!.replace(/\/$/, '')}/`).href;
  // The default sits beside the callback, so it works wherever the callback does.
  const postLogoutRedirectUrl = c.OIDC_POST_LOGOUT_REDIRECT_URL ?? new URL('signed-out', redirectUrl).href;
  return {
    issuer: c.OIDC_ISSUER, clientId: c.OIDC_CLIENT_ID, clientSecret: c.OIDC_CLIENT_SECRET, redirectUrl, scopes: c.OIDC_SCOPES,
    ...(c.OIDC_LOGOUT_AT_PROVIDER ? { postLogoutRedirectUrl } : {}),
  };
}
