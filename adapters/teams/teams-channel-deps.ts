import type { AgentDesk, DebugFieldLogger, DeliveryLog, TurnHandler } from '../../src/core/index.js';

/** The pino-like logger the Teams channel writes to. */
export type TeamsLogger = DebugFieldLogger;

/**
 * The bot's Microsoft Entra app registration, with Bot Framework's standard variable names. With no `appId` the
 * channel accepts unauthenticated activities and sends without tokens (local development only).
 */
export interface TeamsBotCredentials {
  appId?: string;
  /** Client secret; not used for `UserAssignedMSI`. */
  appPassword?: string;
  /** `MultiTenant` (default), `SingleTenant` or `UserAssignedMSI`. */
  appType?: string;
  /** Entra tenant of a SingleTenant or managed-identity bot. */
  tenantId?: string;
}

/**
 * Bot Framework endpoints; Azure public cloud when unset. Tests (and sovereign clouds) point them elsewhere.
 * Names follow botbuilder's configuration keys.
 */
export interface TeamsEndpoints {
  /** OpenID configuration whose `jwks_uri` lists the keys that sign channel → bot tokens. */
  toBotFromChannelOpenIdMetadataUrl?: string;
  /** The `iss` every channel → bot token must carry (`https://api.botframework.com`). */
  toBotFromChannelTokenIssuer?: string;
  /** Authority the bot gets connector tokens from (`https://login.microsoftonline.com/botframework.com`). */
  toChannelFromBotLoginUrl?: string;
}

/** What {@link registerTeamsChannel} needs; the composition root builds it from validated configuration. */
export interface TeamsChannelDeps {
  /** The conversation pipeline; called once per employee message or card submission. */
  turns: TurnHandler;
  credentials: TeamsBotCredentials;
  /**
   * Welcomes and agent-channel activities already acted on, shared by every instance (the database): Teams resends an
   * activity it got no timely answer for, possibly to another instance. Employee messages are de-duplicated by the pipeline.
   */
  deliveries: DeliveryLog;
  endpoints?: TeamsEndpoints;
  logger: TeamsLogger;
  /** The agent desk, for Claim / Resolve and thread replies in the agent channel; without it there is no agent channel. */
  desk?: AgentDesk;
  /** Channel conversation id (`19:…@thread.tacv2`) where escalation cards are posted. */
  agentChannelId?: string;
  /**
   * Connector base URL for proactive posts to the agent channel until an activity from Teams tells the real one
   * (default the global `https://smba.trafficmanager.net/teams/`).
   */
  defaultServiceUrl?: string;
  /** Route path (default `/api/messages`). */
  path?: string;
}
