import type { Db } from '../../db/client.js';
import { createConsoleSessions, type ConsoleSessions } from '../../http/console-session/index.js';
import type { AgentRef } from '../types.js';

/**
 * The agent console's browser sessions, stored in the database so every instance knows them.
 * @param findAgent the agent behind a session, looked up on every request so a removed agent is signed out
 */
export function agentConsoleSessions(db: Db, findAgent: (id: string) => Promise<AgentRef | null>): ConsoleSessions<AgentRef> {
  return createConsoleSessions<AgentRef>({
    db, console: 'agent', cookieName: 'deskbot_agent_session', cookiePath: '/api/agent',
    findPrincipal: findAgent, principalId: (agent) => agent.id,
  });
}
