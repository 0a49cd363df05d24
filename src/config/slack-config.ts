import { z } from 'zod';
import { blankToUndefined, optionalString } from './config-fields.js';

/** Slack (adapters/slack): off unless SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN) are set. */
export const slackSchema = z.object({
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
  /**
   * The slash command deskbot answers, as named in the Slack app (manifest.yml: `/it`). Slack sends every command of
   * the app to the same URL; any other name gets a short private "unknown command" answer.
   */
  SLACK_SLASH_COMMAND: z.preprocess(blankToUndefined, z.string().trim().toLowerCase()
    .regex(/^\/[^\s/]{1,31}$/, 'must be a slash command name such as /it (a "/" then up to 31 characters, no spaces)')
    .default('/it')),
  /**
   * Seconds after which a journaled Slack event, click or command that is still unanswered counts as lost in a crash
   * and is replayed (at start-up, and by any instance every SLACK_REPLAY_EVERY_SECONDS). Longer than any normal turn,
   * queueing included.
   */
  SLACK_REPLAY_AFTER_SECONDS: z.coerce.number().int().min(10).max(86_400).default(120),
  /** Seconds between two looks for lost Slack deliveries (other instances' crashes). */
  SLACK_REPLAY_EVERY_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
});
