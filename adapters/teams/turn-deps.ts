import type { DeliveryLog, TurnHandler } from '../../src/core/index.js';
import type { AgentChannelTurns } from './agent/agent-channel-turns.js';
import type { MemberDirectory } from './inbound/member-directory.js';
import type { TeamsLogger } from './teams-channel-deps.js';

/** What the per-activity logic shares across turns. */
export interface TeamsTurnDeps {
  turns: TurnHandler;
  members: MemberDirectory;
  logger: TeamsLogger;
  /** True when inbound JWTs are validated (an app id is configured): senders are then verified identities. */
  authenticated: boolean;
  /** Welcomes and agent-channel activities already acted on, shared by every instance (the pipeline dedupes the rest). */
  deliveries: DeliveryLog;
  /** The agent channel's handling, when one is configured. */
  agents?: AgentChannelTurns;
}
