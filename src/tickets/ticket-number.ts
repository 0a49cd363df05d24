import type { Db } from '../db/client.js';

/** Ticket kinds, as in the Prisma enum `TicketKind`. */
export type TicketKindName = 'incident' | 'service_request';

const prefixes: Record<TicketKindName, string> = { incident: 'INC', service_request: 'REQ' };

/**
 * Take the next ticket number from the kind's PostgreSQL sequence (`ticket_number_incident_seq`,
 * `ticket_number_service_request_seq`, both starting at 1001), so numbers never repeat across instances.
 * Numbers consumed by a rolled-back transaction leave gaps, as sequences do.
 * @returns `INC0001001` / `REQ0001001`: prefix plus at least 7 digits, zero-padded
 */
export async function nextTicketNumber(db: Db, kind: TicketKindName): Promise<string> {
  const rows =
    kind === 'incident'
      ? await db.$queryRaw<{ n: bigint }[]>`SELECT nextval('ticket_number_incident_seq') AS n`
      : await db.$queryRaw<{ n: bigint }[]>`SELECT nextval('ticket_number_service_request_seq') AS n`;
  return formatTicketNumber(kind, rows[0]!.n);
}

/** `INC` / `REQ` followed by the sequence value zero-padded to 7 digits. */
export function formatTicketNumber(kind: TicketKindName, value: bigint | number): string {
  return prefixes[kind] + String(value).padStart(7, '0');
}

/** The number prefix of a kind: `INC` or `REQ`. */
export function ticketPrefix(kind: TicketKindName): string {
  return prefixes[kind];
}

/** The PostgreSQL sequence a kind's numbers come from (for SQL that draws the number itself, see open-ticket.ts). */
export function ticketSequence(kind: TicketKindName): string {
  return kind === 'incident' ? 'ticket_number_incident_seq' : 'ticket_number_service_request_seq';
}
