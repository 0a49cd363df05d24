import { z } from 'zod';
import { DeskbotError } from '../core/errors.js';

const optionalString = z.string().trim().min(1).optional().catch(undefined);

/** Every environment variable deskbot reads; `.env.example` documents each one. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** PostgreSQL; unset → embedded PostgreSQL (PGlite) under DATA_DIR. */
  DATABASE_URL: optionalString,
  /** Redis; unset → a private redis-server started from PATH. */
  REDIS_URL: optionalString,
  DATA_DIR: z.string().default('./data'),
  /** Folder of Markdown knowledge articles imported into an empty database at first start. */
  KB_SEED_DIR: optionalString,
  /** Direct Line secret that host pages' backends exchange for conversation tokens. Unset → the web chat is open to guests. */
  DIRECTLINE_SECRET: optionalString,
  /** Key that signs Direct Line tokens; derived from DIRECTLINE_SECRET, or random per start, when unset. */
  DIRECTLINE_TOKEN_KEY: optionalString,
  /** Minutes a Direct Line token lives. */
  DIRECTLINE_TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  /** Classifier confidence at or above which deskbot acts without asking. */
  CONFIDENCE_ACT: z.coerce.number().min(0).max(1).default(0.6),
  /** Classifier confidence below which deskbot treats a message as not understood. */
  CONFIDENCE_CONFIRM: z.coerce.number().min(0).max(1).default(0.3),
  /** BullMQ queue of escalations; instances sharing a Redis and a database share it. No ':' allowed. */
  ESCALATION_QUEUE: z.string().regex(/^[A-Za-z0-9_.-]+$/).default('deskbot-escalations'),
  /** Token that opens the admin queue dashboard at /admin/queues (Bearer, or Basic password). Unset → no dashboard. */
  ADMIN_TOKEN: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().min(24, 'ADMIN_TOKEN must be at least 24 characters').optional(),
  ),
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
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  /** Chat model for the optional language-model help. */
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  /** Per model call; past it deskbot answers on its own. */
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(4000),
}).refine((c) => c.CONFIDENCE_CONFIRM <= c.CONFIDENCE_ACT, {
  message: 'CONFIDENCE_CONFIRM must not be above CONFIDENCE_ACT',
  path: ['CONFIDENCE_CONFIRM'],
});

/** Validated configuration, read once by the composition root and injected everywhere else. */
export type Config = z.infer<typeof configSchema>;

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
