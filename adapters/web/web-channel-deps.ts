import type { FieldLogger, TranscriptStore, TurnHandler } from '../../src/core/index.js';
import type { StreamHub } from './stream-hub.js';
import type { SignInOptions } from './sign-in/oidc-relying-party.js';
import type { RateLimit, RateLimitRedis } from './rate-limits.js';

/** The pino-like logger the web channel writes to. */
export type WebLogger = FieldLogger;

/** What {@link registerWebChannel} needs; the composition root builds it from validated configuration. */
export interface WebChannelDeps {
  /** The conversation pipeline; called once per inbound `message` activity. */
  turns: TurnHandler;
  /** Direct Line transcripts (activities, watermarks). */
  store: TranscriptStore;
  /** HS256 key that signs Direct Line tokens; at least 32 bytes. */
  tokenKey: Uint8Array;
  /**
   * The Direct Line secret. When set, starting a conversation or generating a token needs `Authorization: Bearer <secret>`
   * (or a valid token) and the guest route `/api/web/token` is closed. When unset the web chat is open to guests.
   */
  secret?: string;
  /**
   * OpenID Connect sign-in for the stock chat page. When set, `/` signs the employee in and binds the conversation
   * to the verified ID token's subject (in the issuer's namespace), name and email; guests are turned away.
   */
  signIn?: SignInOptions;
  /**
   * Requests per client address and window to the token routes (`/api/web/token`, Direct Line tokens generate and
   * refresh); the secret holder is not limited. Default 60 a minute; `max` 0 turns it off.
   */
  tokenRateLimit?: RateLimit;
  /**
   * Conversation starts (`POST /v3/directline/conversations`, also with a token) per client address and window; the
   * secret holder is not limited. Default 60 a minute; `max` 0 turns it off.
   */
  conversationRateLimit?: RateLimit;
  /**
   * Where both limits count: Redis, so every instance behind a load balancer adds to one count per address and route.
   * Unset → this instance's memory (N instances then allow N × the limit). While Redis fails, requests go unlimited.
   */
  rateLimitRedis?: RateLimitRedis;
  /** Lifetime of a conversation token, in seconds (Direct Line uses 1800). */
  tokenTtlSeconds: number;
  logger: WebLogger;
  /** Open WebSocket streams; pass the same hub to {@link createWebChannelAdapter} so proactive replies are pushed. */
  streams?: StreamHub;
  /** Bot message appended to every new conversation; '' for none. Defaults to a one-line greeting. */
  welcomeText?: string;
  /** Public base URL (e.g. `https://desk.example.com`) for `streamUrl`; defaults to the request's protocol and Host. */
  publicUrl?: string;
  /** Longest accepted message text, in UTF-16 code units; longer is refused with 413. Default 20,000. */
  maxTextLength?: number;
  /**
   * Hides secrets (pasted passwords, tokens, card numbers) in a message's text before the transcript stores or
   * echoes it. The composition root passes the core's redaction; identity by default.
   */
  redact?: (text: string) => string;
}
