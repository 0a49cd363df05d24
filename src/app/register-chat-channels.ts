// The chat channels of the composition root: each adapter built from config and the core's services. Only this
// folder (src/app) imports adapters.
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { signInSettings, type Config } from '../config/config.js';
import type { TurnHandler } from '../core/adapter.js';
import type { AgentDesk } from '../core/agent-desk.js';
import { DeskbotError } from '../core/errors.js';
import { conversationHolder } from '../conversation/conversation-holder.js';
import { createInboundEventLog } from '../conversation/inbound-event-log.js';
import { createInboundJournal } from '../conversation/inbound-journal.js';
import { createJournalPoolWrites } from '../conversation/journal-pool-writes.js';
import { redactSecrets } from '../redaction/redact.js';
import { createTicketDirectory } from '../tickets/ticket-directory.js';
import { createPrismaTranscriptStore } from '../transcripts/prisma-transcript-store.js';
import { registerWebChannel, type WebChannel } from '../../adapters/web/index.js';
import { registerTeamsChannel, type TeamsChannel } from '../../adapters/teams/index.js';
import { registerSlackChannel, type SlackChannel } from '../../adapters/slack/index.js';
import { directLineTokenKey } from './direct-line-token-key.js';
import type { Infrastructure } from './infrastructure.js';

/**
 * The web channel (Direct Line API, chat page, optional OpenID Connect sign-in); always on. Its rate limits count in
 * Redis, shared by every instance (deskbot always runs with one: REDIS_URL or the private redis-server).
 */
export async function registerWeb(
  app: FastifyInstance, config: Config,
  deps: { turns: TurnHandler; prisma: Infrastructure['prisma']; rateLimitRedis: Infrastructure['rateLimitRedis']; logger: Logger },
): Promise<WebChannel> {
  return registerWebChannel(app, {
    turns: deps.turns,
    store: createPrismaTranscriptStore(deps.prisma),
    tokenKey: await directLineTokenKey(config),
    secret: config.DIRECTLINE_SECRET,
    tokenTtlSeconds: config.DIRECTLINE_TOKEN_TTL_MINUTES * 60,
    tokenRateLimit: { max: config.WEB_TOKEN_RATE_LIMIT, windowSeconds: config.WEB_TOKEN_RATE_WINDOW_SECONDS },
    conversationRateLimit: { max: config.WEB_CONVERSATION_RATE_LIMIT, windowSeconds: config.WEB_CONVERSATION_RATE_WINDOW_SECONDS },
    rateLimitRedis: deps.rateLimitRedis ? { redis: deps.rateLimitRedis, prefix: config.WEB_RATE_LIMIT_PREFIX } : undefined,
    redact: (text) => redactSecrets(text).text,
    logger: deps.logger,
    signIn: signInSettings(config),
    publicUrl: config.PUBLIC_URL,
  });
}

/**
 * The Slack channel when any SLACK_* variable is set (registerSlackChannel says which one is missing); else null. Its
 * journal writes go through `journalPool` with group commit when there is one, else through Prisma.
 */
export async function registerSlack(
  app: FastifyInstance, config: Config,
  deps: { turns: TurnHandler; prisma: Infrastructure['prisma']; journalPool: Infrastructure['journalPool']; desk?: AgentDesk; logger: Logger },
): Promise<SlackChannel | null> {
  if (!config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN) return null;
  if (!config.SLACK_BOT_TOKEN) throw new DeskbotError('config_invalid', 'SLACK_BOT_TOKEN is required when the Slack channel is configured.');
  return registerSlackChannel(app, {
    turns: deps.turns,
    tickets: createTicketDirectory(deps.prisma),
    conversationHolder: (externalId) => conversationHolder(deps.prisma, 'slack', externalId),
    deliveries: createInboundEventLog(deps.prisma),
    botToken: config.SLACK_BOT_TOKEN,
    signingSecret: config.SLACK_SIGNING_SECRET,
    appToken: config.SLACK_APP_TOKEN,
    apiUrl: config.SLACK_API_URL,
    agentChannel: config.SLACK_AGENT_CHANNEL,
    slashCommand: config.SLACK_SLASH_COMMAND,
    desk: deps.desk,
    journal: {
      store: createInboundJournal(deps.prisma, deps.journalPool ? createJournalPoolWrites(deps.journalPool, config.JOURNAL_DB_CONNECTIONS) : undefined),
      replay: { afterMs: config.SLACK_REPLAY_AFTER_SECONDS * 1000, everyMs: config.SLACK_REPLAY_EVERY_SECONDS * 1000 },
    },
    logger: deps.logger.child({ channel: 'slack' }),
  });
}

/** The Teams channel when MicrosoftAppId is set or TEAMS_ENABLED=true (local development without authentication); else null. */
export async function registerTeams(
  app: FastifyInstance, config: Config, deps: { turns: TurnHandler; prisma: Infrastructure['prisma']; desk?: AgentDesk; logger: Logger },
): Promise<TeamsChannel | null> {
  if (!config.MicrosoftAppId && !config.TEAMS_ENABLED) return null;
  return registerTeamsChannel(app, {
    turns: deps.turns, deliveries: createInboundEventLog(deps.prisma), logger: deps.logger, desk: deps.desk, agentChannelId: config.TEAMS_AGENT_CHANNEL,
    credentials: { appId: config.MicrosoftAppId, appPassword: config.MicrosoftAppPassword, appType: config.MicrosoftAppType, tenantId: config.MicrosoftAppTenantId },
    endpoints: {
      toBotFromChannelOpenIdMetadataUrl: config.ToBotFromChannelOpenIdMetadataUrl, toBotFromChannelTokenIssuer: config.ToBotFromChannelTokenIssuer,
      toChannelFromBotLoginUrl: config.ToChannelFromBotLoginUrl,
    },
  });
}
