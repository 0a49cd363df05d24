import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import type { AgentDesk, DeliveryLog, TicketDirectory, TurnHandler } from '../../../src/core/index.js';
import { registerSlackChannel, type SlackChannel } from '../../../adapters/slack/index.js';
import type { SlackChannelDeps } from '../../../adapters/slack/slack-channel-deps.js';
import { createHttpServer } from '../../../src/http/create-http-server.js';
import { createMetrics } from '../../../src/observability/metrics.js';
import { createMemoryDeliveryLog } from '../../support/memory-delivery-log.js';
import { slackSignatureHeaders } from './sign.js';
import { startSlackApiStub, type BotIdentity, type SlackApiStub, type SlackUser } from './slack-api-stub.js';

export const signingSecret = 'test-signing-secret-0123456789abcdef';
export const botToken = 'xoxb-test-token';
/** The bot of deskbot's own fixtures (test/fixtures/slack). */
export const testBot: BotIdentity = { userId: 'U0DESKBOT1', botId: 'B0DESKBOT1', team: 'T0DESK0001' };

export interface SlackHarnessOptions {
  turns: TurnHandler;
  tickets?: TicketDirectory;
  conversationHolder?: (externalId: string) => Promise<string[] | null>;
  bot?: BotIdentity;
  users?: Record<string, SlackUser>;
  agentChannel?: string;
  desk?: AgentDesk;
  /** Where agent-channel deliveries are recorded; in memory by default (a database-backed log for multi-instance tests). */
  deliveries?: DeliveryLog;
  /** Per-channel pace in ms; 0 by default so tests do not wait a second between posts. */
  paceMs?: number;
  appToken?: string;
  /** The slash command deskbot answers (the channel's default `/it` when unset). */
  slashCommand?: string;
  /** The write-ahead journal of Events API deliveries (none by default). */
  journal?: SlackChannelDeps['journal'];
  /** Answers the stand-in gives beyond its defaults (e.g. `apps.connections.open` for Socket Mode). */
  answers?: Record<string, (body: Record<string, any>) => Record<string, unknown>>;
}

/** A Slack channel on a Fastify server of its own, talking to a Slack stand-in. */
export interface SlackHarness {
  api: SlackApiStub;
  app: FastifyInstance;
  slack: SlackChannel;
  url: string;
  /** POST a signed body to /slack/events. */
  post(body: string, options?: PostOptions): Promise<{ status: number; text: string; json: any }>;
  close(): Promise<void>;
}

export interface PostOptions {
  contentType?: string;
  headers?: Record<string, string>;
  /** Sign with this timestamp (seconds) instead of now. */
  timestamp?: number;
  /** Sign with another secret (a forged request), or not at all (null). */
  secret?: string | null;
}

const noTickets: TicketDirectory = { listForSender: async () => [] };

/** Start the stand-in and the Slack channel; `close` stops both. */
export async function startSlackHarness(options: SlackHarnessOptions): Promise<SlackHarness> {
  const bot = options.bot ?? testBot;
  const api = await startSlackApiStub(bot, options.users);
  for (const [method, answer] of Object.entries(options.answers ?? {})) api.answer(method, answer);
  const logger = pino({ level: 'silent' });
  const app = createHttpServer({ logger, metrics: createMetrics() });
  const slack = await registerSlackChannel(app, {
    turns: options.turns,
    tickets: options.tickets ?? noTickets,
    conversationHolder: options.conversationHolder ?? (async () => null),
    deliveries: options.deliveries ?? createMemoryDeliveryLog(),
    botToken,
    signingSecret,
    ...(options.appToken ? { appToken: options.appToken } : {}),
    ...(options.slashCommand ? { slashCommand: options.slashCommand } : {}),
    apiUrl: api.apiUrl,
    fetch: api.fetch,
    logger,
    paceMs: options.paceMs ?? 0,
    ...(options.journal ? { journal: options.journal } : {}),
    ...(options.agentChannel ? { agentChannel: options.agentChannel, desk: options.desk } : {}),
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  await slack.start();
  return {
    api, app, slack, url,
    async post(body, o = {}) {
      const signed = o.secret === null ? {} : slackSignatureHeaders(o.secret ?? signingSecret, body, o.timestamp);
      const res = await fetch(`${url}/slack/events`, {
        method: 'POST', body, headers: { 'content-type': o.contentType ?? 'application/json', ...signed, ...o.headers },
      });
      const text = await res.text();
      let json: any = null;
      try { json = JSON.parse(text); } catch { /* not JSON */ }
      return { status: res.status, text, json };
    },
    async close() {
      await app.close();
      await slack.stop(5000);
      await api.close();
    },
  };
}

/** An Events API envelope around `event`, as Slack sends it. */
export function eventCallback(event: Record<string, unknown>, eventId: string, team = testBot.team, bot = testBot): string {
  return JSON.stringify({
    token: 'verification-token-unused', team_id: team, api_app_id: 'A0DESKAPP1', event, type: 'event_callback', event_id: eventId,
    event_time: Math.floor(Date.now() / 1000), authorizations: [{ team_id: team, user_id: bot.userId, is_bot: true }],
  });
}

/** An interactivity payload, form-encoded as Slack posts it (`payload=<JSON>`). */
export function interaction(payload: Record<string, unknown>): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export const formEncoded = 'application/x-www-form-urlencoded';
