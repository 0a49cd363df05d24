import { isIP } from 'node:net';
import { z } from 'zod';
import { parseBusinessHours } from './parse-business-hours.js';
import { DeskbotError } from '../core/errors.js';

const optionalString = z.string().trim().min(1).optional().catch(undefined);
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalUrl = z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional());
/** An optional URL whose scheme must match `protocol`; `expected` names the schemes in the error. */
const optionalServiceUrl = (protocol: RegExp, expected: string) =>
  z.preprocess(blankToUndefined, z.url({ protocol, error: `must be a ${expected} URL` }).optional());
/** An optional secret of at least `min` characters. */
const optionalSecret = (name: string, min: number) =>
  z.preprocess(blankToUndefined, z.string().trim().min(min, `${name} must be at least ${min} characters`).optional());
/** Addresses an OIDC issuer may use plain http at: the machine itself, for a provider run during development. */
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Every environment variable deskbot reads; `.env.example` documents each one. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** PostgreSQL; unset → embedded PostgreSQL (PGlite) under DATA_DIR. */
  DATABASE_URL: optionalServiceUrl(/^postgres(ql)?$/, 'postgres:// or postgresql://'),
  /** Redis; unset → a private redis-server started from PATH. */
  REDIS_URL: optionalServiceUrl(/^rediss?$/, 'redis:// or rediss://'),
  DATA_DIR: z.string().default('./data'),
  /** Folder of Markdown knowledge articles imported into an empty database at first start. */
  KB_SEED_DIR: optionalString,
  /** Direct Line secret that host pages' backends exchange for conversation tokens. Unset → the web chat is open to guests. */
  DIRECTLINE_SECRET: optionalSecret('DIRECTLINE_SECRET', 24),
  /**
   * Key that signs Direct Line tokens and sign-in cookies. Unset → derived from DIRECTLINE_SECRET when that is set,
   * else generated once and kept in DATA_DIR (app/direct-line-token-key.ts).
   */
  DIRECTLINE_TOKEN_KEY: optionalSecret('DIRECTLINE_TOKEN_KEY', 32),
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
   * Reverse proxies whose X-Forwarded-For is believed for the client's address (rate limits count per address):
   * `false` (default: none), `true` (any), a hop count such as `1`, or a comma-separated list of addresses/CIDRs.
   */
  TRUST_PROXY: z.string().trim().default('false').transform((v, ctx) => {
    const lower = v.toLowerCase();
    if (lower === '' || lower === 'false') return false;
    if (lower === 'true') return true;
    if (/^\d{1,2}$/.test(v)) return Number(v);
    const list = v.split(',').map((x) => x.trim()).filter(Boolean);
    const bad = list.filter((x) => !isAddressOrCidr(x));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `TRUST_PROXY must be true, false, a hop count, or addresses/CIDRs separated by commas (not ${bad.join(', ')})`,
      });
      return z.NEVER;
    }
    return list;
  }),
  /** Minutes a Direct Line token lives. */
  DIRECTLINE_TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  /** Classifier confidence at or above which deskbot acts without asking. */
  CONFIDENCE_ACT: z.coerce.number().min(0).max(1).default(0.6),
  /** Classifier confidence below which deskbot treats a message as not understood. */
  CONFIDENCE_CONFIRM: z.coerce.number().min(0).max(1).default(0.3),
  /** BullMQ queue of escalations; instances sharing a Redis and a database share it. No ':' allowed. */
  ESCALATION_QUEUE: z.string().regex(/^[A-Za-z0-9_.-]+$/).default('deskbot-escalations'),
  /**
   * When agents work, e.g. `Mon-Fri 09:00-17:30 Europe/London`: outside these hours an employee who asks for a person
   * is told when the desk opens. Unset → always open.
   */
  BUSINESS_HOURS: z.string().optional().transform((v, ctx) => {
    const hours = parseBusinessHours(v);
    if (hours && 'error' in hours) {
      ctx.addIssue({ code: 'custom', message: `BUSINESS_HOURS: ${hours.error}` });
      return z.NEVER;
    }
    return hours;
  }),
  /** Token that opens the admin queue dashboard at /admin/queues (Bearer, or Basic password). Unset → no dashboard. */
  ADMIN_TOKEN: optionalSecret('ADMIN_TOKEN', 24),
  /** Seconds between checks for a newly published model version or changed articles (NOTIFY usually comes first). */
  MODEL_SYNC_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  // Slack (adapters/slack): off unless SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN) are set.
  /** Bot user OAuth token, `xoxb-…`. */
  SLACK_BOT_TOKEN: optionalString,
  /** Signing secret that verifies `POST /slack/events` requests. */
  SLACK_SIGNING_SECRET: optionalString,
  /** App-level token, `xapp-…`: use Socket Mode instead of the HTTP Events API. */
  SLACK_APP_TOKEN: optionalString,
  /** Base URL of the Slack Web API (default Slack's own, `https://slack.com/api/`); tests point it at a local server. */
  SLACK_API_URL: optionalString,
  /** Channel id of the shared agent channel where escalations are posted. */
  SLACK_AGENT_CHANNEL: optionalString,
  // Microsoft Teams (adapters/teams): Bot Framework's standard variable names.
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  /** `MultiTenant`, `SingleTenant` or `UserAssignedMSI`. */
  MicrosoftAppType: optionalString,
  MicrosoftAppTenantId: optionalString,
  /** `true` runs the Teams adapter without an app id: unauthenticated activities, for local development only. */
  TEAMS_ENABLED: z.stringbool().default(false),
  /** Channel conversation id (`19:…@thread.tacv2`) where escalation cards are posted. */
  TEAMS_AGENT_CHANNEL: optionalString,
  /** Bot Framework endpoints, botbuilder's names; Azure public cloud when unset (sovereign clouds, local tests). */
  ToBotFromChannelOpenIdMetadataUrl: optionalString,
  ToBotFromChannelTokenIssuer: optionalString,
  ToChannelFromBotLoginUrl: optionalString,
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  /** Chat model for the optional language-model help. */
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  /** Per model call; past it deskbot answers on its own. */
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(4000),
}).refine((c) => c.CONFIDENCE_CONFIRM <= c.CONFIDENCE_ACT, {
  message: 'CONFIDENCE_CONFIRM must not be above CONFIDENCE_ACT',
  path: ['CONFIDENCE_CONFIRM'],
}).superRefine((c, ctx) => {
  const set = [c.OIDC_ISSUER, c.OIDC_CLIENT_ID, c.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (set > 0 && set < 3) ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'sign-in needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET' });
  if (set === 3 && !c.OIDC_REDIRECT_URL && !c.PUBLIC_URL) {
    ctx.addIssue({ code: 'custom', path: ['OIDC_REDIRECT_URL'], message: 'sign-in needs OIDC_REDIRECT_URL or PUBLIC_URL (the callback is <PUBLIC_URL>/auth/callback)' });
  }
  // Tokens and the client secret travel to the issuer: plain http only to a provider on this machine.
  if (c.OIDC_ISSUER) {
    const issuer = new URL(c.OIDC_ISSUER);
    if (issuer.protocol !== 'https:' && !loopbackHosts.has(issuer.hostname)) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'OIDC_ISSUER must be an https URL (http only for localhost, 127.0.0.1 or [::1])' });
    }
  }
  teamsProblems(c).forEach(([path, message]) => ctx.addIssue({ code: 'custom', path: [path], message }));
});

/** Bot Framework's MicrosoftAppType values (botbuilder compares them without regard to case). */
const appTypes = ['multitenant', 'singletenant', 'userassignedmsi'];

/**
 * Teams settings that cannot work together, following botbuilder's credential rules: an app id needs its password
 * (a user-assigned managed identity has none), SingleTenant and UserAssignedMSI need the tenant id.
 * @returns [variable, message] pairs; empty when the settings fit
 */
function teamsProblems(c: {
  MicrosoftAppId?: string; MicrosoftAppPassword?: string; MicrosoftAppType?: string; MicrosoftAppTenantId?: string;
  TEAMS_ENABLED: boolean; TEAMS_AGENT_CHANNEL?: string;
}): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  const appType = c.MicrosoftAppType?.toLowerCase();
  if (appType && !appTypes.includes(appType)) problems.push(['MicrosoftAppType', 'MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI']);
  if (c.MicrosoftAppId && !c.MicrosoftAppPassword && appType !== 'userassignedmsi') {
    problems.push(['MicrosoftAppPassword', 'MicrosoftAppId needs MicrosoftAppPassword (the Azure Bot\'s client secret)']);
  }
  if ((appType === 'singletenant' || appType === 'userassignedmsi') && !c.MicrosoftAppTenantId) {
    problems.push(['MicrosoftAppTenantId', `MicrosoftAppType=${c.MicrosoftAppType} needs MicrosoftAppTenantId`]);
  }
  if (c.TEAMS_AGENT_CHANNEL && !c.MicrosoftAppId && !c.TEAMS_ENABLED) {
    problems.push(['TEAMS_AGENT_CHANNEL', 'TEAMS_AGENT_CHANNEL needs the Teams channel on (MicrosoftAppId, or TEAMS_ENABLED=true)']);
  }
  return problems;
}

/** An IPv4/IPv6 address, optionally with a prefix length within the address' size (/32 or /128). */
function isAddressOrCidr(value: string): boolean {
  const [address, prefix, ...rest] = value.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** Validated configuration, read once by the composition root and injected everywhere else. */
export type Config = z.infer<typeof configSchema>;

/** The chat page's OpenID Connect sign-in settings, or undefined when sign-in is off. */
export function signInSettings(c: Config): {
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

/**
 * Parse and validate configuration from an environment map.
 * @throws DeskbotError `config_invalid` naming every bad variable
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new DeskbotError('config_invalid', `Invalid configuration: ${problems}`);
  }
  return result.data;
}
