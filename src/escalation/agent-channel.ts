/** Agent channels are a core type so adapters can implement them; re-exported here for the escalation module. */
export type * from '../core/agent-channel.js';
