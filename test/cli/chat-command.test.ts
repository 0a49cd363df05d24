import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const root = path.resolve(import.meta.dirname, '../..');
let db: TestDatabase;
beforeAll(async () => { db = await createTestDatabase({ migrate: false }); await db.prisma.$disconnect(); });
afterAll(async () => { await db?.drop(); });

/** Run `deskbot chat` with `lines` typed in, and return what it printed. */
function chat(lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/cli/bin.js', 'chat'], { cwd: root, env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent' } });
    let out = '';
    child.stdout.on('data', (chunk) => { out += chunk; });
    child.stderr.on('data', (chunk) => { out += chunk; });
    child.on('error', reject);
    child.on('exit', () => resolve(out));
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

test('deskbot chat asks a service request\'s details in words (no form in a terminal) before it opens the request', async () => {
  const out = await chat(['I need access to the finance share', '2', 'finance share, read only, quarterly reporting']);
  expect(out).toMatch(/I need a few details: system, share or group; access level/);
  expect(out).toMatch(/opened service request REQ\d{7}/);
  const ticket = await db.prisma.ticket.findFirstOrThrow({ where: { kind: 'service_request' } });
  expect(ticket.description ?? '').toContain('quarterly reporting');
}, 120_000);
