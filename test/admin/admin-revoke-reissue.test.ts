import { afterAll, beforeAll, expect, test } from 'vitest';
import { createAdmin, listAdmins, reissueAdminToken, revokeAdmin } from '../../src/admin/accounts/admin-accounts.js';
import { startAdminServer, type AdminServer } from './start-admin-server.js';

// A leaked or departed admin's token must stop working at once, on bearer calls and on sessions signed in with it.
let server: AdminServer;
beforeAll(async () => { server = await startAdminServer(); });
afterAll(async () => { await server?.close(); });

async function signIn(token: string): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/api/admin/session', payload: { token } });
  expect(res.statusCode).toBe(200);
  return /^deskbot_admin_session=([^;]+)/.exec(String(res.headers['set-cookie']))![0];
}
const me = async (headers: Record<string, string>) => (await server.app.inject({ url: '/api/admin/me', headers })).statusCode;

test('reissue: the new token works; the old token and the sessions opened with it stop at once', async () => {
  const { token: old } = await createAdmin(server.db.prisma, { name: 'Bob', email: 'bob@example.com' });
  const cookie = await signIn(old);
  expect(await me({ cookie })).toBe(200);
  expect((await listAdmins(server.db.prisma)).find((a) => a.email === 'bob@example.com')).toMatchObject({ name: 'Bob', sessions: 1 });

  const { token, sessionsEnded } = await reissueAdminToken(server.db.prisma, ' Bob@Example.com ');
  expect(sessionsEnded).toBe(1);
  expect(token).not.toBe(old);
  expect(await me({ authorization: `Bearer ${old}` })).toBe(401);
  expect(await me({ cookie })).toBe(401);
  expect(await me({ authorization: `Bearer ${token}` })).toBe(200);
  // Ada's own token and sessions are untouched.
  expect(await me({ authorization: `Bearer ${server.token}` })).toBe(200);
});

test('revoke: token and sessions stop at once, others are untouched; unknown emails are a not_found', async () => {
  const { token } = await createAdmin(server.db.prisma, { name: 'Carol', email: 'carol@example.com' });
  const cookie = await signIn(token);
  const adaCookie = await signIn(server.token);
  expect(await revokeAdmin(server.db.prisma, 'carol@example.com')).toMatchObject({ admin: { name: 'Carol' }, sessionsEnded: 1 });
  expect(await me({ authorization: `Bearer ${token}` })).toBe(401);
  expect(await me({ cookie })).toBe(401);
  expect(await me({ cookie: adaCookie })).toBe(200);
  // Gone as an admin, still listed for audit, as revoked.
  expect((await listAdmins(server.db.prisma)).filter((a) => a.email === 'carol@example.com')).toEqual([
    expect.objectContaining({ name: 'Carol', sessions: 0, revokedAt: expect.any(Date) }),
  ]);
  await expect(revokeAdmin(server.db.prisma, 'carol@example.com')).rejects.toMatchObject({ code: 'not_found' });
  await expect(reissueAdminToken(server.db.prisma, 'nobody@example.com')).rejects.toMatchObject({ code: 'not_found' });
  // Revoked, the email is free again.
  expect((await createAdmin(server.db.prisma, { name: 'Carol', email: 'carol@example.com' })).admin.email).toBe('carol@example.com');
});
