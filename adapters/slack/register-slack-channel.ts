import type { FastifyInstance } from 'fastify';
import { DeskbotError, type AgentChannel, type ChannelAdapter } from '../../src/core/index.js';
import { watchAcks } from './ack-watch.js';
import { createSlackAgentChannel } from './agents/slack-agent-channel.js';
import { createBoltApp } from './create-bolt-app.js';
import { createFastifyReceiver } from './http/fastify-receiver.js';
import { acknowledgeOthers } from './inbound/acknowledge-others.js';
import { listenForActions } from './inbound/listen-actions.js';
import { listenForCommands } from './inbound/listen-commands.js';
import { listenForHome } from './inbound/listen-home.js';
import { listenForMessages } from './inbound/listen-messages.js';
import { listenForViews } from './inbound/listen-views.js';
import { journalEvents } from './journal/journal-events.js';
import { createJournalReplay } from './journal/journal-replay.js';
import { createSlackChannelAdapter } from './slack-channel-adapter.js';
import type { SlackChannelDeps } from './slack-channel-deps.js';
import { createSlackRuntime } from './slack-runtime.js';

/** What registering the Slack channel gives back to the composition root. */
export interface SlackChannel {
  /** Proactive sends into Slack conversations (agent replies reach Slack employees through it). */
  adapter: ChannelAdapter;
  /** Escalations in the agent channel, when one is configured with a desk; else null. */
  agentChannel: AgentChannel | null;
  /**
   * Start receiving: connects Socket Mode (the HTTP routes answer as soon as the server listens), and replays the
   * journal's events a crash left unanswered (in the background; `idle` waits for it), then every `replay.everyMs`.
   */
  start(): Promise<void>;
  /** Replay the journal's stale events now; resolves with how many, once their turns are done (0 without a journal). */
  replay(): Promise<number>;
  /** Resolves once everything received so far is handled and its posts are made (tests; graceful stops). */
  idle(): Promise<void>;
  /** Stop receiving, then wait (at most `timeoutMs`, default 10 s) for the work and posts in flight. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Mount the Slack channel: `POST /slack/events` on deskbot's Fastify server (Events API, interactivity and slash
 * commands), or Socket Mode when `appToken` is set; checks the bot token with `auth.test` before anything else.
 * @throws DeskbotError `config_invalid` when neither a signing secret nor an app token is given, an agent channel has
 *   no desk, or Slack refuses the token
 */
export async function registerSlackChannel(app: FastifyInstance, deps: SlackChannelDeps): Promise<SlackChannel> {
  if (!deps.appToken && !deps.signingSecret) throw new DeskbotError('config_invalid', 'SLACK_SIGNING_SECRET is required for the Slack Events API (or set SLACK_APP_TOKEN for Socket Mode).');
  if (deps.agentChannel && !deps.desk) throw new DeskbotError('config_invalid', 'SLACK_AGENT_CHANNEL needs the agent desk, which needs Redis.');
  const receiver = deps.appToken ? undefined : createFastifyReceiver({ signingSecret: deps.signingSecret!, logger: deps.logger, bodyLimit: deps.bodyLimit ?? 1024 * 1024 });
  const bolt = createBoltApp(deps, receiver);
  try {
    await bolt.init();
  } catch (err) {
    // @slack/web-api tells a refusal (platform error) from a request that never got an answer (network, SLACK_API_URL).
    const unreachable = (err as { code?: string }).code === 'slack_webapi_request_error';
    const what = unreachable ? 'Could not reach the Slack Web API (check network access and SLACK_API_URL)' : 'Slack refused SLACK_BOT_TOKEN';
    throw new DeskbotError('config_invalid', `${what} (auth.test): ${(err as Error).message}`, { cause: err });
  }
  bolt.error(async (err) => { deps.logger.error({ err }, 'Slack listener failed'); });
  const journaled = deps.journal ? journalEvents(bolt, deps.journal.store, deps.logger, deps.slashCommand ?? '/it') : null;
  // Outside the journal's wrapper, so a delivery counts as waiting while its journal row is written.
  const acks = watchAcks(bolt);
  const replay = deps.journal ? createJournalReplay(bolt, deps.journal.store, deps.logger, deps.journal.replay) : null;
  await receiver?.mount(app);
  const rt = createSlackRuntime(deps, bolt.client, acks);
  listenForMessages(bolt, rt);
  listenForActions(bolt, rt);
  listenForViews(bolt, rt);
  listenForCommands(bolt, rt);
  listenForHome(bolt, rt);
  acknowledgeOthers(bolt);
  return {
    adapter: createSlackChannelAdapter(rt),
    agentChannel: deps.agentChannel && deps.desk ? createSlackAgentChannel(rt, deps.agentChannel) : null,
    async start() {
      await bolt.start();
      replay?.start();
    },
    async replay() { return replay ? replay.runOnce() : 0; },
    async idle() {
      await replay?.idle();
      await receiver?.idle();
      await rt.drain(60_000);
      await journaled?.idle();
    },
    async stop(timeoutMs = 10_000) {
      replay?.stop();
      await bolt.stop();
      await rt.drain(timeoutMs);
    },
  };
}
