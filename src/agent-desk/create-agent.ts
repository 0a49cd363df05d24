import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import { DeskbotError } from '../core/errors.js';
import type { AgentRef } from './types.js';

/** SHA-256 (hex) of a bearer token: what the database stores instead of the token. */
export function hashAgentToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Create an agent and their bearer token (32 random bytes, base64url). Only the token's hash is stored: show the
 * token once. Status starts `available`.
 * @param input.groups assignment groups (Access, Hardware…); empty means every group
 * @throws DeskbotError `bad_request` when the name or email is empty or an agent with that email exists
 */
export async function createAgent(db: Db, input: { name: string; email: string; groups?: string[] }): Promise<{ agent: AgentRef; token: string }> {
  const name = input.name.trim();
  const email = input.email.trim().toLowerCase();
  if (!name || !email) throw new DeskbotError('bad_request', 'An agent needs a name and an email.');
  const groups = [...new Set((input.groups ?? []).map((g) => g.trim()).filter(Boolean))];
  const token = randomBytes(32).toString('base64url');
  try {
    const row = await db.agent.create({ data: { name, email, groups, tokenHash: hashAgentToken(token) } });
    return { agent: toAgentRef(row), token };
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') throw new DeskbotError('bad_request', `An agent with email ${email} already exists.`, { cause: err });
    throw err;
  }
}

/** The public shape of an Agent row (no token hash). */
export function toAgentRef(row: { id: string; name: string; email: string; groups: string[]; status: AgentRef['status'] }): AgentRef {
  return { id: row.id, name: row.name, email: row.email, groups: row.groups, status: row.status };
}

/** The agent with this id, or null (e.g. removed since a console session started). */
export async function findAgentById(db: Db, id: string): Promise<AgentRef | null> {
  const row = await db.agent.findUnique({ where: { id } });
  return row ? toAgentRef(row) : null;
}
