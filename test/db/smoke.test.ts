import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
beforeAll(async () => { db = await createTestDatabase(); });
afterAll(async () => { await db?.drop(); });

test('migrations create the schema and the ticket number sequences', async () => {
  const e = await db.prisma.employee.create({ data: { email: 'a@example.com' } });
  expect(e.verified).toBe(false);
  const [row] = await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT nextval('ticket_number_incident_seq') AS n`;
  expect(Number(row!.n)).toBe(1001);
});
