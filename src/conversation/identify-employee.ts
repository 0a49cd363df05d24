import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import { DeskbotError } from '../core/errors.js';
import type { ChannelName, SenderIdentity } from '../core/message.js';
import { employeeByEmail, linkVerifiedEmail, lockEmail } from './link-employee-email.js';

/** The employee behind a message, as the pipeline needs it. */
export interface EmployeeRef {
  id: string;
  displayName: string | null;
  email: string | null;
  verified: boolean;
}

type IdentityKey = { channel: ChannelName; tenant: string; externalId: string };

/**
 * Find or create the employee behind a channel identity — one person across Slack, Teams and a signed-in web chat:
 * - a verified identity with an email joins the employee who has that email (case ignored); two first messages
 *   with the same email, even concurrent ones from two channels, meet on the unique index on lower(email);
 * - a known verified identity whose verified email arrives later is linked to that email (merged into the
 *   employee who already has it, tickets and all);
 * - an unverified identity (a web guest) never links by email and is never merged into anyone, so a guest cannot
 *   borrow a colleague's tickets by typing their address.
 * Call it inside the turn's transaction: the email paths hold a transaction-scoped advisory lock on the email.
 * @param lookedUp the employee of the sender's channel identity when the caller has just read it in this transaction
 *   (lock-known-sender.ts), so it is not read twice; `known` undefined means there is none
 * @throws DeskbotError `forbidden` when an unverified sender arrives on an identity a channel once vouched for
 *   (a misconfigured channel must not hand a verified employee's tickets to an unverified message)
 */
export async function identifyEmployee(
  db: Db, channel: ChannelName, sender: SenderIdentity, lookedUp?: { known: EmployeeRef | undefined },
): Promise<EmployeeRef> {
  const key: IdentityKey = { channel, tenant: sender.tenant ?? '', externalId: sender.externalId };
  const email = verifiedEmail(sender);
  const known = lookedUp ? lookedUp.known : await employeeByIdentity(db, key);
  if (known) {
    if (!sender.verified && known.verified) {
      throw new DeskbotError('forbidden', `an unverified ${channel} sender used an identity that was verified before`);
    }
    return email && known.verified && known.email === null ? linkVerifiedEmail(db, known, email) : known;
  }
  const name = sender.name?.slice(0, 200) ?? null;
  const employee = email ? await employeeForEmail(db, email, name) : await createEmployee(db, name, Boolean(sender.verified));
  return attachIdentity(db, key, employee);
}

/**
 * The employee a sender already is, found as {@link identifyEmployee} would find them (channel identity, then a
 * verified email), without creating or linking anything: for read-only surfaces such as a ticket list.
 * @returns undefined for a sender deskbot has never seen
 */
export async function findEmployee(db: Db, channel: ChannelName, sender: SenderIdentity): Promise<EmployeeRef | undefined> {
  const known = await employeeByIdentity(db, { channel, tenant: sender.tenant ?? '', externalId: sender.externalId });
  if (known) return known;
  const email = verifiedEmail(sender);
  return email ? employeeByEmail(db, email) : undefined;
}

/** The sender's email, trimmed and lower-cased, when the channel vouched for it; null otherwise. */
export function verifiedEmail(sender: SenderIdentity): string | null {
  const email = sender.email?.trim().toLowerCase();
  return sender.verified && email && /^[^\s@]+@[^\s@]+$/.test(email) && email.length <= 320 ? email : null;
}

// Raw SQL on this every-message path: Prisma 6's query compiler costs milliseconds per ORM call (prisma/orm#28845).
async function employeeByIdentity(db: Db, key: IdentityKey): Promise<EmployeeRef | undefined> {
  const [row] = await db.$queryRaw<EmployeeRef[]>`
    SELECT e."id", e."displayName", e."email", e."verified" FROM "ChannelIdentity" i JOIN "Employee" e ON e."id" = i."employeeId"
    WHERE i."channel" = ${key.channel}::"Channel" AND i."tenant" = ${key.tenant} AND i."externalId" = ${key.externalId}`;
  return row;
}

/** The employee with this (verified) email, created when there is none; ON CONFLICT settles a concurrent insert. */
async function employeeForEmail(db: Db, email: string, name: string | null): Promise<EmployeeRef> {
  await lockEmail(db, email);
  const existing = await employeeByEmail(db, email);
  if (existing?.verified) return existing;
  const [row] = await db.$queryRaw<EmployeeRef[]>`
    INSERT INTO "Employee" ("id", "email", "displayName", "verified") VALUES (${randomUUID()}, ${email}, ${name}, true)
    ON CONFLICT ((lower("email"))) DO UPDATE SET "verified" = true
    RETURNING "id", "displayName", "email", "verified"`;
  return row!;
}

async function createEmployee(db: Db, name: string | null, verified: boolean): Promise<EmployeeRef> {
  const [row] = await db.$queryRaw<EmployeeRef[]>`
    INSERT INTO "Employee" ("id", "displayName", "verified") VALUES (${randomUUID()}, ${name}, ${verified})
    RETURNING "id", "displayName", "email", "verified"`;
  return row!;
}

/**
 * Record the channel identity. When a concurrent first message of the same identity got there first, its employee
 * wins: ours is dropped if it was made just now and has nothing else (no email, so nobody else found it).
 */
async function attachIdentity(db: Db, key: IdentityKey, employee: EmployeeRef): Promise<EmployeeRef> {
  const [row] = await db.$queryRaw<Array<{ employeeId: string }>>`
    INSERT INTO "ChannelIdentity" ("id", "channel", "tenant", "externalId", "employeeId")
    VALUES (${randomUUID()}, ${key.channel}::"Channel", ${key.tenant}, ${key.externalId}, ${employee.id})
    ON CONFLICT ("channel", "tenant", "externalId") DO UPDATE SET "employeeId" = "ChannelIdentity"."employeeId"
    RETURNING "employeeId"`;
  if (row!.employeeId === employee.id) return employee;
  if (employee.email === null) await db.$executeRaw`DELETE FROM "Employee" WHERE "id" = ${employee.id}`;
  return (await employeeByIdentity(db, key))!;
}
