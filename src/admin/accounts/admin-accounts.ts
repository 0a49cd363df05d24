import { createHash, randomBytes } from 'node:crypto';
import type { Db, PrismaClient } from '../../db/client.js';
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
  const email = normalEmail(input.email);
  if (!name || !email) throw new DeskbotError('bad_request', 'An admin needs a name and an email.');
  const token = newAdminToken();
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

/** An administrator as `deskbot admins list` shows it: a current one, or one revoked (kept for audit). */
export interface AdminListing extends AdminRef {
  createdAt: Date;
  /** Signed-in /admin browsers that have not expired (0 once revoked). */
  sessions: number;
  /** When the admin was revoked; null while they are an admin. */
  revokedAt: Date | null;
}

/**
 * Every administrator, current and revoked, by email; for one email the current admin first, then its revocations
 * (latest first). A current admin comes with their count of live sign-in sessions.
 */
export async function listAdmins(db: Db): Promise<AdminListing[]> {
  const [admins, revoked, sessions] = await Promise.all([
    db.admin.findMany({ select: { id: true, name: true, email: true, createdAt: true } }),
    db.revokedAdmin.findMany({ select: { adminId: true, name: true, email: true, createdAt: true, revokedAt: true } }),
    db.consoleSession.groupBy({ by: ['principalId'], where: { console: 'admin', expiresAt: { gt: new Date() } }, _count: { _all: true } }),
  ]);
  const count = new Map(sessions.map((s) => [s.principalId, s._count._all]));
  return [
    ...admins.map((a) => ({ ...a, sessions: count.get(a.id) ?? 0, revokedAt: null })),
    ...revoked.map(({ adminId, ...r }) => ({ ...r, id: adminId, sessions: 0 })),
  ].sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : (b.revokedAt?.getTime() ?? Infinity) - (a.revokedAt?.getTime() ?? Infinity)));
}

/**
 * Remove an administrator: their token stops working at the next request (every request looks it up) and their
 * sign-in sessions end at once. What they published keeps their email as author. A RevokedAdmin row keeps who and
 * when for audit ({@link listAdmins} shows it). `createAdmin` may add them again.
 * @returns the admin removed and how many sessions ended
 * @throws DeskbotError `not_found` when no admin has that email
 */
export async function revokeAdmin(db: PrismaClient, email: string): Promise<{ admin: AdminRef; sessionsEnded: number }> {
  return db.$transaction(async (tx) => {
    const admin = await adminByEmail(tx, email);
    const ended = await tx.consoleSession.deleteMany({ where: { console: 'admin', principalId: admin.id } });
    const removed = await tx.admin.delete({ where: { id: admin.id } });
    await tx.revokedAdmin.create({ data: { adminId: removed.id, name: removed.name, email: removed.email, createdAt: removed.createdAt } });
    return { admin, sessionsEnded: ended.count };
  });
}

/**
 * Give an administrator a new bearer token: the old one stops working at once, and so do the sign-in sessions
 * opened with it (every session of that admin). Only the new token's hash is stored: show the token once.
 * @throws DeskbotError `not_found` when no admin has that email
 */
export async function reissueAdminToken(db: PrismaClient, email: string): Promise<{ admin: AdminRef; token: string; sessionsEnded: number }> {
  const token = newAdminToken();
  return db.$transaction(async (tx) => {
    const admin = await adminByEmail(tx, email);
    await tx.admin.update({ where: { id: admin.id }, data: { tokenHash: hashAdminToken(token) } });
    const ended = await tx.consoleSession.deleteMany({ where: { console: 'admin', principalId: admin.id } });
    return { admin, token, sessionsEnded: ended.count };
  });
}

async function adminByEmail(db: Db, email: string): Promise<AdminRef> {
  const normalized = normalEmail(email);
  const admin = await db.admin.findUnique({ where: { email: normalized }, select: { id: true, name: true, email: true } });
  if (!admin) {
    const revoked = await db.revokedAdmin.findFirst({ where: { email: normalized }, orderBy: { revokedAt: 'desc' }, select: { revokedAt: true } });
    if (revoked) throw new DeskbotError('not_found', `The admin ${normalized} was revoked at ${revoked.revokedAt.toISOString()}: add them again with deskbot admins add NAME ${normalized}.`);
    throw new DeskbotError('not_found', `No admin has the email ${normalized}: see deskbot admins list.`);
  }
  return admin;
}

/** 256 random bits, URL-safe: an admin's bearer token (only its SHA-256 is stored). */
function newAdminToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Admin emails are compared without regard to case or surrounding spaces. */
function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}
