import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { adminsAddCommand, adminsListCommand, adminsReissueCommand, adminsRevokeCommand } from '../../src/cli/admins-command.js';
import { findAdminByToken, hashAdminToken } from '../../src/admin/accounts/admin-accounts.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
// Empty: the command migrates and seeds it itself, as it would a fresh install.
beforeAll(async () => { db = await createTestDatabase({ migrate: false }); });
// Each add migrates the empty database through the Prisma CLI first: slow on a busy machine.
afterAll(async () => { await db?.drop(); });

/** Run a command against the test database; resolves with the lines it printed. */
async function printed(command: (config: ReturnType<typeof loadConfig>) => Promise<void>): Promise<string[]> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await command(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }));
    return log.mock.calls.map((c) => c.join(' '));
  } finally {
    log.mockRestore();
  }
}
const addAdmin = (name: string, email: string) => printed((config) => adminsAddCommand(config, { name, email }));

test('admins add prints the token last, stores only its hash, and refuses bad or taken emails', async () => {
  const lines = await addAdmin('Ada Admin', 'Ada@Example.com');
  expect(lines[0]).toBe('Admin Ada Admin <ada@example.com> created.');
  const token = lines.at(-1)!;
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const row = await db.prisma.admin.findUniqueOrThrow({ where: { email: 'ada@example.com' } });
  expect(row.tokenHash).toBe(hashAdminToken(token));
  expect(JSON.stringify(row)).not.toContain(token);
  expect(await findAdminByToken(db.prisma, token)).toMatchObject({ id: row.id, name: 'Ada Admin' });
  expect(await findAdminByToken(db.prisma, `${token}x`)).toBeNull();

  await expect(addAdmin('Eve', 'not-an-email')).rejects.toMatchObject({ code: 'bad_request' });
  await expect(addAdmin('Ada Again', 'ada@example.com')).rejects.toMatchObject({ code: 'bad_request' });
  expect(await db.prisma.admin.count()).toBe(1);
}, 180_000);

test('admins list, reissue and revoke: a reissued token replaces the old one; a revoked admin has none', async () => {
  await addAdmin('Bob Admin', 'bob@example.com');
  const listed = await printed((config) => adminsListCommand(config));
  expect(listed.map((l) => l.split('\t').slice(0, 2))).toEqual([['ada@example.com', 'Ada Admin'], ['bob@example.com', 'Bob Admin']]);
  expect(listed[0]).toMatch(/\t0 sessions$/);

  const ada = await db.prisma.admin.findUniqueOrThrow({ where: { email: 'ada@example.com' } });
  const reissued = await printed((config) => adminsReissueCommand(config, 'ADA@example.com'));
  const token = reissued.at(-1)!;
  expect(reissued[0]).toMatch(/^New token for admin Ada Admin <ada@example.com>/);
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const after = await db.prisma.admin.findUniqueOrThrow({ where: { email: 'ada@example.com' } });
  expect(after.tokenHash).toBe(hashAdminToken(token));
  expect(after.tokenHash).not.toBe(ada.tokenHash);
  expect(await findAdminByToken(db.prisma, token)).toMatchObject({ email: 'ada@example.com' });

  expect((await printed((config) => adminsRevokeCommand(config, 'bob@example.com')))[0]).toMatch(/^Admin Bob Admin <bob@example.com> revoked/);
  expect((await db.prisma.admin.findMany()).map((a) => a.email)).toEqual(['ada@example.com']);
  await expect(printed((config) => adminsRevokeCommand(config, 'bob@example.com'))).rejects.toMatchObject({ code: 'not_found' });
  await expect(printed((config) => adminsReissueCommand(config, 'bob@example.com'))).rejects.toMatchObject({
    code: 'not_found', message: expect.stringMatching(/^The admin bob@example\.com was revoked at \d{4}-.*add them again with deskbot admins add NAME bob@example\.com/),
  });
  await expect(printed((config) => adminsReissueCommand(config, 'nobody@example.com'))).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/^No admin has the email/) });
}, 180_000);

test('admins list keeps revoked admins, marked with the time of each revocation, for audit', async () => {
  const before = Date.now();
  await addAdmin('Bob Again', 'bob@example.com');
  await printed((config) => adminsRevokeCommand(config, 'bob@example.com'));
  await addAdmin('Bob Third', 'bob@example.com');
  const after = Date.now();

  const rows = (await printed((config) => adminsListCommand(config))).map((l) => l.split('\t'));
  // Bob now, then his two revocations, latest first (the first one from the test above).
  expect(rows.map(([email, name, , status]) => [email, name, status!.replace(/ \S+$/, '')])).toEqual([
    ['ada@example.com', 'Ada Admin', '0'],
    ['bob@example.com', 'Bob Third', '0'],
    ['bob@example.com', 'Bob Again', 'revoked'],
    ['bob@example.com', 'Bob Admin', 'revoked'],
  ]);
  const revokedAt = Date.parse(rows[2]![3]!.slice('revoked '.length));
  expect(revokedAt).toBeGreaterThanOrEqual(before - 1000);
  expect(revokedAt).toBeLessThanOrEqual(after + 1000);
  expect(Date.parse(rows[3]![3]!.slice('revoked '.length))).toBeLessThanOrEqual(revokedAt);
  expect(rows[2]![2]).toMatch(/^\d{4}-\d\d-\d\dT/);
}, 180_000);
