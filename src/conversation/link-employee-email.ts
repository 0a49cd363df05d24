import type { Db } from '../db/client.js';
import type { EmployeeRef } from './identify-employee.js';

/**
 * Serialize everything that decides which employee owns an email, until the turn's transaction ends: a first
 * message and a late link of the same email (from two channels at once) then cannot both create an owner.
 */
export async function lockEmail(db: Db, email: string): Promise<void> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`deskbot:employee-email:${email}`}, 0))`;
}

/** The employee with this email, case ignored (the unique index on lower(email) serves it). */
export async function employeeByEmail(db: Db, email: string): Promise<EmployeeRef | undefined> {
  const [row] = await db.$queryRaw<EmployeeRef[]>`
    SELECT "id", "displayName", "email", "verified" FROM "Employee" WHERE lower("email") = ${email}`;
  return row;
}

/**
 * A known, verified employee without an email has just been seen with a verified one (e.g. a Slack user whose email
 * the adapter could read only later). Nobody has the email: it becomes this employee's. Someone has it: the same
 * person reached deskbot on another channel first, so this employee's identities, conversations and tickets move to
 * that one, and "my tickets" is one list everywhere. The emptied record stays (other tables may point at it).
 * Only for verified employees: a guest is never merged.
 * @returns the employee who now owns the email
 */
export async function linkVerifiedEmail(db: Db, employee: EmployeeRef, email: string): Promise<EmployeeRef> {
  await lockEmail(db, email);
  const owner = await employeeByEmail(db, email);
  if (!owner) {
    const [row] = await db.$queryRaw<EmployeeRef[]>`
      UPDATE "Employee" SET "email" = ${email}, "verified" = true WHERE "id" = ${employee.id}
      RETURNING "id", "displayName", "email", "verified"`;
    return row!;
  }
  if (owner.id === employee.id) return owner;
  await db.$executeRaw`UPDATE "ChannelIdentity" SET "employeeId" = ${owner.id} WHERE "employeeId" = ${employee.id}`;
  await db.$executeRaw`UPDATE "Conversation" SET "employeeId" = ${owner.id} WHERE "employeeId" = ${employee.id}`;
  await db.$executeRaw`UPDATE "Ticket" SET "requesterId" = ${owner.id} WHERE "requesterId" = ${employee.id}`;
  if (!owner.verified) await db.$executeRaw`UPDATE "Employee" SET "verified" = true WHERE "id" = ${owner.id}`;
  return { ...owner, verified: true };
}
