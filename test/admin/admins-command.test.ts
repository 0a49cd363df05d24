import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { adminsAddCommand } from '../../src/cli/admins-command.js';
import { findAdminByToken, hashAdminToken } from '../../src/admin/accounts/admin-accounts.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
// Empty: the command migrates and seeds it itself, as it would a fresh install.
beforeAll(async () => { db = await createTestDatabase({ migrate: false }); });
// Each add migrates the empty database through the Prisma CLI first: slow on a busy machine.
afterAll(async () => { await db?.drop(); });

async function addAdmin(name: string, email: string): Promise<string[]> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await adminsAddCommand(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }), { name, email });
    return log.mock.calls.map((c) => c.join(' '));
  } finally {
    log.mockRestore();
  }
}

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
