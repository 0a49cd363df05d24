import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { DeskbotError } from '../../core/errors.js';

/** An administrator as the API shows it (never the token hash). */
export interface AdminRef {
  id: string;
  name: string;
  email: string;
}

/** SHA-256 (hex) of an admin bearer token: what the database stores instead of the token. */
export function hashAdminToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Create an administrator and their bearer token (32 random bytes, base64url). Only the hash is stored: show the
 * token once.
 * @throws DeskbotError `bad_request` when the name or email is empty or an admin with that email exists
 */
export async function createAdmin(db: Db, input: { name: string; email: string }): Promise<{ admin: AdminRef; token: string }> {
  const name = input.name.trim();
  const email = input.email.trim().toLowerCase();
  if (!name || !email) throw new DeskbotError('bad_request', 'An admin needs a name and an email.');
  const token = randomBytes(32).toString('base64url');
  try {
    const row = await db.admin.create({ data: { name, email, tokenHash: hashAdminToken(token) } });
    return { admin: { id: row.id, name: row.name, email: row.email }, token };
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') throw new DeskbotError('bad_request', `An admin with email ${email} already exists.`, { cause: err });
    throw err;
  }
}

/** The admin a bearer token belongs to, or null. The lookup is by hash, so no token is ever compared in the clear. */
export async function findAdminByToken(db: Db, token: string): Promise<AdminRef | null> {
  if (!token || token.length > 512) return null;
  return db.admin.findUnique({ where: { tokenHash: hashAdminToken(token) }, select: { id: true, name: true, email: true } });
}

/** The admin with this id, or null (a session outliving its admin). */
export async function findAdminById(db: Db, id: string): Promise<AdminRef | null> {
  return db.admin.findUnique({ where: { id }, select: { id: true, name: true, email: true } });
}
