import type { TurnHandler } from '../../src/core/index.js';
import type { AgentChannelTurns } from './agent/agent-channel-turns.js';
import type { MemberDirectory } from './inbound/member-directory.js';
import type { RecentActivities } from './recent-activities.js';
import type { TeamsLogger } from './teams-channel-deps.js';

/** What the per-activity logic shares across turns. */
export interface TeamsTurnDeps {
  turns: TurnHandler;
  members: MemberDirectory;
  logger: TeamsLogger;
  /** True when inbound JWTs are validated (an app id is configured): senders are then verified identities. */
  authenticated: boolean;
  recent: RecentActivities;
  /** The agent channel's handling, when one is configured. */
  agents?: AgentChannelTurns;
}
