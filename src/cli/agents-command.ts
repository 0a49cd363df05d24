import type { Config } from '../config/config.js';
import { createAgent } from '../agent-desk/create-agent.js';
import { DeskbotError } from '../core/errors.js';
import { withDatabase } from './with-database.js';

/** What `deskbot agents add NAME EMAIL [--group G]...` parsed. */
export interface AgentsAddArgs {
  name: string;
  email: string;
  /** Assignment groups (Access, Hardware, Network…); none means the agent sees every group. */
  group?: string[];
}

/**
 * `deskbot agents add`: create a service desk agent and print a short confirmation, then the agent's bearer token
 * as the last line of stdout (so `deskbot agents add … | tail -1` captures it). The token is shown only this once.
 * @throws DeskbotError `bad_request` for an empty name or a malformed email; whatever createAgent throws (e.g. the
 *   email is taken)
 */
export async function agentsAddCommand(config: Config, args: AgentsAddArgs): Promise<void> {
  const name = args.name.trim();
  const email = args.email.trim().toLowerCase();
  if (!name) throw new DeskbotError('bad_request', 'usage: deskbot agents add NAME EMAIL [--group G]...');
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new DeskbotError('bad_request', `"${args.email}" is not an email address.`);
  const groups = [...new Set((args.group ?? []).map((g) => g.trim()).filter(Boolean))];
  const { agent, token } = await withDatabase(config, (prisma) => createAgent(prisma, { name, email, groups }));
  console.log(`Agent ${agent.name} <${agent.email}> created; groups: ${agent.groups.length ? agent.groups.join(', ') : 'all'}.`);
  console.log('Sign in at /agent with this token (shown only once):');
  console.log(token);
}
