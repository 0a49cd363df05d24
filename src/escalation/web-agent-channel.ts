import type { AgentChannel } from './agent-channel.js';

/**
 * The web agent console as an agent channel. The console reads escalations from the database, so the AgentPost row
 * the worker writes (and the escalation turning `posted`) is the post; the external ref is the escalation id.
 */
export function createWebAgentChannel(): AgentChannel {
  return {
    name: 'web',
    async postEscalation(view) {
      return { externalRef: view.id };
    },
  };
}
