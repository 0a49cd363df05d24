import { DeskbotError } from '../../core/errors.js';
import type { AgentDesk, AgentRef } from '../types.js';

/**
 * Read `Authorization: Bearer <agent token>` and find the agent it belongs to.
 * @param header the raw Authorization header (undefined when absent)
 * @returns the authenticated agent
 * @throws DeskbotError `unauthorized` (401) when the header is missing, malformed, or the token is unknown
 */
export async function authenticateAgent(desk: AgentDesk, header: string | undefined): Promise<AgentRef> {
  if (!header) throw new DeskbotError('unauthorized', 'This needs "Authorization: Bearer <agent token>".');
  const match = /^Bearer\s+(\S{1,512})\s*$/i.exec(header);
  if (!match) throw new DeskbotError('unauthorized', 'Use "Authorization: Bearer <agent token>".');
  const agent = await desk.authenticate(match[1]!);
  if (!agent) throw new DeskbotError('unauthorized', 'Unknown agent token.');
  return agent;
}
