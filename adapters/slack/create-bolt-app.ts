import { App, type Receiver } from '@slack/bolt';
import { toBoltLogger } from './bolt-logger.js';
import type { SlackChannelDeps } from './slack-channel-deps.js';

/**
 * The Bolt app: Socket Mode when an app token is given, else the given receiver (deskbot's Fastify routes). Its Web
 * API client hands 429s to deskbot's per-channel queue (`rejectRateLimitedCalls`) and retries network failures a few
 * times. Initialization is deferred so `init()` can fail the start with a clear message when Slack refuses the token.
 */
export function createBoltApp(deps: SlackChannelDeps, receiver?: Receiver): App {
  return new App({
    token: deps.botToken,
    ...(deps.appToken ? { socketMode: true, appToken: deps.appToken } : { receiver }),
    logger: toBoltLogger(deps.logger),
    deferInitialization: true,
    // Bolt's in-memory conversation store is unused: deskbot keeps conversation state in PostgreSQL.
    convoStore: false,
    clientOptions: {
      ...(deps.apiUrl ? { slackApiUrl: deps.apiUrl } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 4000 },
      timeout: 10_000,
    },
  });
}
