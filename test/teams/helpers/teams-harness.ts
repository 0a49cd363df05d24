import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { registerTeamsChannel, type TeamsChannel } from '../../../adapters/teams/index.js';
import type { AgentDesk, DeliveryLog, InboundMessage, TurnHandler } from '../../../src/core/index.js';
import { createHttpServer } from '../../../src/http/create-http-server.js';
import { createMetrics } from '../../../src/observability/metrics.js';
import { createInboundEventLog } from '../../../src/conversation/inbound-event-log.js';
import { createMemoryDeliveryLog } from '../../support/memory-delivery-log.js';
import { createPipelineHarness, type PipelineHarness } from '../../support/pipeline-harness.js';
import { startBotFrameworkStub, type BotFrameworkStub, type MintOptions } from './bot-framework-stub.js';

/** A log line the Teams channel wrote. */
export interface LogLine {
  level: string;
  fields: Record<string, unknown>;
  message?: string;
}

/** deskbot's Teams channel on a local HTTP server, talking to a local Bot Framework stand-in. */
export interface TeamsHarness {
  url: string;
  stub: BotFrameworkStub;
  teams: TeamsChannel;
  appId: string;
  /** Every message the channel handed to the pipeline, in order. */
  inbound: InboundMessage[];
  logs: LogLine[];
  /**
   * POST an activity to `/api/messages` with its serviceUrl pointed at the stand-in. `auth`: a valid token (default
   * when the harness has an app id), `none` for no header, or mint options for a bad one.
   */
  post(activity: Record<string, unknown>, auth?: 'valid' | 'none' | MintOptions): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export interface TeamsHarnessOptions {
  /** The pipeline (or a stand-in); every message is recorded in `inbound` first. */
  turns: TurnHandler;
  /** Bot app id; '' runs without authentication (TEAMS_ENABLED development mode). */
  appId?: string;
  desk?: AgentDesk;
  agentChannelId?: string;
  /** Where welcomes and agent-channel activities are recorded; in memory by default (a database-backed log to share). */
  deliveries?: DeliveryLog;
  /** Where the channel's OpenID configuration is looked up; the stand-in's by default (e.g. an unreachable one). */
  openIdMetadataUrl?: string;
}

export async function startTeamsHarness(options: TeamsHarnessOptions): Promise<TeamsHarness> {
  const stub = await startBotFrameworkStub();
  const appId = options.appId ?? `app-${Math.random().toString(36).slice(2, 10)}`;
  const inbound: InboundMessage[] = [];
  const logs: LogLine[] = [];
  const log = (level: string) => (fields: object, message?: string) => logs.push({ level, fields: fields as Record<string, unknown>, message });
  const app: FastifyInstance = createHttpServer({ logger: pino({ level: 'silent' }), metrics: createMetrics() });
  const teams = await registerTeamsChannel(app, {
    turns: { handle: (m) => { inbound.push(m); return options.turns.handle(m); } },
    credentials: { appId, appPassword: appId ? 'stub-secret' : undefined },
    deliveries: options.deliveries ?? createMemoryDeliveryLog(),
    endpoints: { toBotFromChannelOpenIdMetadataUrl: options.openIdMetadataUrl ?? stub.openIdMetadataUrl, toBotFromChannelTokenIssuer: stub.issuer, toChannelFromBotLoginUrl: stub.loginUrl },
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    desk: options.desk,
    agentChannelId: options.agentChannelId,
    defaultServiceUrl: stub.serviceUrl,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url, stub, teams, appId, inbound, logs,
    async post(activity, auth = appId ? 'valid' : 'none') {
      const body = { ...activity, serviceUrl: stub.serviceUrl };
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (auth !== 'none') headers.authorization = `Bearer ${await stub.mintToken(appId, stub.serviceUrl, auth === 'valid' ? {} : auth)}`;
      const response = await fetch(`${url}/api/messages`, { method: 'POST', headers, body: JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, body: text ? parseMaybe(text) : undefined };
    },
    async close() {
      await app.close();
      await stub.close();
    },
  };
}

function parseMaybe(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The Teams channel on the real pipeline and a fresh, seeded PostgreSQL database. */
export async function startTeamsOnPipeline(options: Omit<TeamsHarnessOptions, 'turns'> = {}): Promise<{ pipeline: PipelineHarness; teams: TeamsHarness; close(): Promise<void> }> {
  const pipeline = await createPipelineHarness();
  const teams = await startTeamsHarness({ deliveries: createInboundEventLog(pipeline.db.prisma), ...options, turns: { handle: (m) => pipeline.handle(m) } });
  return {
    pipeline, teams,
    async close() {
      await teams.close();
      await pipeline.close();
    },
  };
}
