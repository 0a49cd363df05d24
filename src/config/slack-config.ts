import { z } from 'zod';
import { optionalString } from './config-fields.js';

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
});
