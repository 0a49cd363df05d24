/** The agent desk's types live in the core so that channel adapters (Slack, Teams) can offer agent channels. */
export type * from '../core/agent-desk.js';
