import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { Ticket } from '../generated/prisma/client.js';
import { priorityFor, type Level } from './priority-matrix.js';
import { slaDueTimes, type SlaPolicy } from './sla-policy.js';
import { nextTicketNumber, type TicketKindName } from './ticket-number.js';

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
  const key = input.sourceEventKey;
  if (key !== undefined) {
    const existing = await db.ticket.findUnique({ where: { sourceEventKey: key } });
    if (existing) return { ticket: existing, created: false };
  }
  const priority = priorityFor(input.impact, input.urgency);
  const now = input.now ?? new Date();
  const id = randomUUID();
  const inserted = await db.ticket.createMany({
    data: [
      {
        id,
        number: await nextTicketNumber(db, input.kind),
        kind: input.kind,
        intent: input.intent,
        title: clip(input.title.trim(), maxTitleLength),
        description: clip(input.description, maxDescriptionLength),
        impact: input.impact,
        urgency: input.urgency,
        priority,
        assignmentGroup: input.assignmentGroup ?? null,
        ...slaDueTimes(priority, now, input.slaPolicy),
        requesterId: input.requesterId,
        conversationId: input.conversationId ?? null,
        sourceEventKey: key ?? null,
        createdAt: now,
      },
    ],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return { ticket: await readByKey(db, key), created: false };
  await db.ticketEvent.create({
    data: { ticketId: id, type: 'created', actor: input.actor ?? 'deskbot', data: { priority, impact: input.impact, urgency: input.urgency }, createdAt: now },
  });
  return { ticket: await db.ticket.findUniqueOrThrow({ where: { id } }), created: true };
}

// Only reached when the insert was skipped, which only a sourceEventKey conflict can cause (id is fresh, number from a sequence).
async function readByKey(db: Db, key: string | undefined): Promise<Ticket> {
  return db.ticket.findUniqueOrThrow({ where: { sourceEventKey: key! } });
}

// Cut by code points so a surrogate pair is never split.
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
