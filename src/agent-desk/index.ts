/** The agent desk: agents, claiming, the bridge's agent side, resolution. */
export type { AgentDesk, AgentRef, DeskMessage, EscalationStatus, EscalationView } from './types.js';
export { createAgentDesk, type AgentDeskDeps } from './create-agent-desk.js';
export { createAgent, hashAgentToken, toAgentRef } from './create-agent.js';
export { buildEscalationViews } from './escalation-view.js';
export { sendToConversation, type ChannelLookup } from './send-to-employee.js';
