import type { Config } from '../config/config.js';
import { createAdmin } from '../admin/accounts/admin-accounts.js';
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
  console.log('Sign in at /admin, or send "Authorization: Bearer <token>" to /api/admin, with this token (shown only once):');
  console.log(token);
}
