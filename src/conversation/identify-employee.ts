import type { Db } from '../db/client.js';
import type { ChannelName, SenderIdentity } from '../core/message.js';

/** The employee behind a message, as the pipeline needs it. */
export interface EmployeeRef {
  id: string;
  displayName: string | null;
  email: string | null;
  verified: boolean;
}

/**
 * Find or create the employee behind a channel identity. A verified identity with an email joins the employee who
 * already has that email (one person across Slack, Teams and a signed-in web chat); an unverified one never does,
 * so a guest cannot borrow a colleague's tickets by typing their address.
 */
export async function identifyEmployee(db: Db, channel: ChannelName, sender: SenderIdentity): Promise<EmployeeRef> {
  const key = { channel, tenant: sender.tenant ?? '', externalId: sender.externalId };
  // Raw SQL on this every-message path: Prisma 6's query compiler costs milliseconds per ORM call (prisma/orm#28845).
  const [known] = await db.$queryRaw<EmployeeRef[]>`
    SELECT e."id", e."displayName", e."email", e."verified" FROM "ChannelIdentity" i JOIN "Employee" e ON e."id" = i."employeeId"
    WHERE i."channel" = ${channel}::"Channel" AND i."tenant" = ${key.tenant} AND i."externalId" = ${key.externalId}`;
  if (known) return known;

  const email = sender.verified && sender.email ? sender.email.trim().toLowerCase() : null;
  const existing = email ? await db.employee.findUnique({ where: { email } }) : null;
  const employee = existing ?? await db.employee.create({
    data: { email, displayName: sender.name?.slice(0, 200) ?? null, verified: Boolean(sender.verified) },
  });
  await db.channelIdentity.upsert({ where: { channel_tenant_externalId: key }, create: { ...key, employeeId: employee.id }, update: {} });
  return employee;
}
