import { Prisma } from '../generated/prisma/client.js';

/**
 * Every `Ticket` column, spelled as Prisma's `Ticket` type has them (enums as text), for raw SQL that returns tickets.
 * Raw SQL because tickets are opened and listed on turns, and Prisma 6's query compiler costs milliseconds per ORM
 * call (prisma/orm#28845).
 */
export const ticketColumns = Prisma.sql`"id", "number", "kind"::text AS "kind", "intent", "title", "description", "status"::text AS "status",
  "impact", "urgency", "priority", "assignmentGroup", "responseDueAt", "resolutionDueAt", "respondedAt", "resolvedAt", "closedAt",
  "satisfaction", "requesterId", "conversationId", "sourceEventKey", "createdAt", "updatedAt"`;
