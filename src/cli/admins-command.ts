import type { Config } from '../config/config.js';
import { createAdmin, listAdmins, reissueAdminToken, revokeAdmin } from '../admin/accounts/admin-accounts.js';
import { DeskbotError } from '../core/errors.js';
import { withDatabase } from './with-database.js';

/**
 * `deskbot admins add NAME EMAIL`: create an administrator, print a short confirmation, then the admin's bearer token
 * as the last line of stdout (`… | tail -1` captures it). The token is shown only this once; only its hash is stored.
 * @throws DeskbotError `bad_request` for an empty name, a malformed email or an email already taken
 */
export async function adminsAddCommand(config: Config, args: { name: string; email: string }): Promise<void> {
  const name = args.name.trim();
  const email = args.email.trim().toLowerCase();
  if (!name) throw new DeskbotError('bad_request', 'usage: deskbot admins add NAME EMAIL');
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new DeskbotError('bad_request', `"${args.email}" is not an email address.`);
  const { admin, token } = await withDatabase(config, (prisma) => createAdmin(prisma, { name, email }));
  console.log(`Admin ${admin.name} <${admin.email}> created.`);
  printToken(token);
}

/**
 * `deskbot admins list`: one line per administrator, by email, tab-separated: `email name created N sessions` for a
 * current admin, `email name created revoked <time>` for each revocation (kept so an operator can audit who had access).
 */
export async function adminsListCommand(config: Config): Promise<void> {
  const admins = await withDatabase(config, (prisma) => listAdmins(prisma));
  if (!admins.length) console.log('No admins yet: add one with deskbot admins add NAME EMAIL.');
  for (const a of admins) {
    const status = a.revokedAt ? `revoked ${a.revokedAt.toISOString()}` : `${a.sessions} session${a.sessions === 1 ? '' : 's'}`;
    console.log([a.email, a.name, a.createdAt.toISOString(), status].join('\t'));
  }
}

/**
 * `deskbot admins revoke EMAIL`: remove the administrator; their token and sign-in sessions stop working at once.
 * @throws DeskbotError `not_found` when no admin has that email
 */
export async function adminsRevokeCommand(config: Config, email: string): Promise<void> {
  const { admin, sessionsEnded } = await withDatabase(config, (prisma) => revokeAdmin(prisma, email));
  console.log(`Admin ${admin.name} <${admin.email}> revoked: their token no longer works; ${sessionsEnded} sign-in session(s) ended.`);
}

/**
 * `deskbot admins reissue EMAIL`: a new token for the administrator, printed as the last line of stdout (shown only
 * once); the old token and every sign-in session opened with it stop working at once.
 * @throws DeskbotError `not_found` when no admin has that email
 */
export async function adminsReissueCommand(config: Config, email: string): Promise<void> {
  const { admin, token, sessionsEnded } = await withDatabase(config, (prisma) => reissueAdminToken(prisma, email));
  console.log(`New token for admin ${admin.name} <${admin.email}>: the old one no longer works; ${sessionsEnded} sign-in session(s) ended.`);
  printToken(token);
}

/** The token last, on a line of its own, so scripts can take the last line. */
function printToken(token: string): void {
  console.log('Sign in at /admin, or send "Authorization: Bearer <token>" to /api/admin, with this token (shown only once):');
  console.log(token);
}
