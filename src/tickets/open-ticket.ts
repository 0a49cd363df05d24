import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { Ticket } from '../generated/prisma/client.js';
import { priorityFor, type Level } from './priority-matrix.js';
import { slaDueTimes, type SlaPolicy } from './sla-policy.js';
import { ticketColumns } from './ticket-columns.js';
import { ticketPrefix, ticketSequence, type TicketKindName } from './ticket-number.js';

/** Longest stored title and description, in characters; longer input is cut. */
export const maxTitleLength = 120;
export const maxDescriptionLength = 10_000;

/** What {@link openTicket} needs. `impact` and `urgency` are ITIL levels (1 high … 3 low). */
export interface OpenTicketInput {
  kind: TicketKindName;
  /** Intent name that led to the ticket, or null when none matched. */
  intent: string | null;
  title: string;
  description: string;
  impact: Level;
  urgency: Level;
  /** Employee id of the requester. */
  requesterId: string;
  conversationId?: string;
  assignmentGroup?: string | null;
  /** Key of the inbound event that opened the ticket (e.g. `slack:Ev123`): a redelivery returns the same ticket. */
  sourceEventKey?: string;
  /** Who opened it, for the audit trail; `deskbot` when omitted. */
  actor?: string;
  /** Clock for the SLA start; the current time when omitted. */
  now?: Date;
  slaPolicy?: SlaPolicy;
}

/**
 * Open an ITIL incident or service request: number from the kind's sequence, priority from impact × urgency,
 * SLA due times from the priority, and a TicketEvent `created`. Works on a client or inside an interactive transaction.
 *
 * Idempotent on `sourceEventKey`: when a ticket with that key exists (also one a concurrent call is inserting),
 * returns it with `created: false` and writes nothing. The insert uses ON CONFLICT DO NOTHING rather than catching
 * a unique violation, because a violation would abort the caller's transaction.
 * @throws DeskbotError `bad_request` for impact/urgency outside 1..3; Prisma errors for a missing requester or conversation
 */
export async function openTicket(db: Db, input: OpenTicketInput): Promise<{ ticket: Ticket; created: boolean }> {
  const key = input.sourceEventKey ?? null;
  const priority = priorityFor(input.impact, input.urgency);
  const now = input.now ?? new Date();
  const due = slaDueTimes(priority, now, input.slaPolicy);
  const event = JSON.stringify({ priority, impact: input.impact, urgency: input.urgency });
  // One statement, one round trip (it runs on most turns): an existing ticket for the key is returned as it is; else a
  // number is drawn (only then, as before) and the ticket and its `created` event are inserted together. The sequence
  // is named by kind in code, never by input.
  const rows = await db.$queryRaw<Array<Ticket & { created: boolean }>>`
    WITH existing AS (
      SELECT ${ticketColumns} FROM "Ticket" WHERE "sourceEventKey" = ${key}
    ), num AS (
      SELECT nextval(${ticketSequence(input.kind)}::regclass)::text AS n WHERE NOT EXISTS (SELECT 1 FROM existing)
    ), ins AS (
      INSERT INTO "Ticket" ("id", "number", "kind", "intent", "title", "description", "impact", "urgency", "priority", "assignmentGroup",
        "responseDueAt", "resolutionDueAt", "requesterId", "conversationId", "sourceEventKey", "createdAt", "updatedAt")
      SELECT ${randomUUID()}, ${ticketPrefix(input.kind)} || lpad(num.n, GREATEST(7, length(num.n)), '0'), ${input.kind}::"TicketKind",
        ${input.intent}, ${clip(input.title.trim(), maxTitleLength)}, ${clip(input.description, maxDescriptionLength)},
        ${input.impact}::int, ${input.urgency}::int, ${priority}::int, ${input.assignmentGroup ?? null},
        ${due.responseDueAt.toISOString()}::timestamp(3), ${due.resolutionDueAt.toISOString()}::timestamp(3), ${input.requesterId},
        ${input.conversationId ?? null}, ${key}, ${now.toISOString()}::timestamp(3), ${new Date().toISOString()}::timestamp(3)
      FROM num
      ON CONFLICT DO NOTHING
      RETURNING ${ticketColumns}
    ), ev AS (
      INSERT INTO "TicketEvent" ("id", "ticketId", "type", "actor", "data", "createdAt")
      SELECT ${randomUUID()}, ins."id", 'created', ${input.actor ?? 'deskbot'}, ${event}::jsonb, ${now.toISOString()}::timestamp(3) FROM ins
    )
    SELECT *, true AS "created" FROM ins UNION ALL SELECT *, false AS "created" FROM existing`;
  const [row] = rows;
  // Nothing back: a concurrent call inserted this key after the statement's snapshot was taken; its row is committed now.
  if (!row) return { ticket: await readByKey(db, key), created: false };
  const { created, ...ticket } = row;
  return { ticket, created };
}

// Only reached when the insert was skipped, which only a sourceEventKey conflict can cause (id is fresh, number from a sequence).
async function readByKey(db: Db, key: string | null): Promise<Ticket> {
  const [ticket] = await db.$queryRaw<Ticket[]>`SELECT ${ticketColumns} FROM "Ticket" WHERE "sourceEventKey" = ${key}`;
  if (!ticket) throw new Error(`the ticket for event ${key} is gone`);
  return ticket;
}

// Cut by code points so a surrogate pair is never split.
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
