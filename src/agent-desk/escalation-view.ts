import type { Db } from '../db/client.js';
import type { DeskMessage, EscalationView } from './types.js';

interface ViewRow {
  id: string;
  status: EscalationView['status'];
  reason: EscalationView['reason'];
  assignmentGroup: string | null;
  overdue: boolean;
  createdAt: Date;
  number: string;
  kind: EscalationView['ticket']['kind'];
  title: string;
  priority: number;
  ticketStatus: string;
  responseDueAt: Date;
  displayName: string | null;
  email: string | null;
  channel: string;
  ownerId: string | null;
  ownerName: string | null;
  messages: Array<{ author: DeskMessage['author']; text: string; at: string; agentName: string | null }>;
  articles: string[];
}

/**
 * Build what agents see of escalations, newest first, in one statement (this runs for every post and every console
 * refresh; Prisma's ORM calls cost milliseconds each): ticket, requester, SLA state, owner, the slugs of articles the
 * bot offered (in the order first offered), and the last 50 lines of the conversation, oldest first — employee and
 * bot lines from the conversation's messages, agent and system lines from the escalation's messages (bridged
 * employee lines are already in the conversation). Escalations whose ticket or conversation is gone are left out.
 */
export async function buildEscalationViews(db: Db, escalations: Array<{ id: string }>): Promise<EscalationView[]> {
  if (!escalations.length) return [];
  const rows = await db.$queryRaw<ViewRow[]>`
    SELECT e."id", e."status"::text AS "status", e."reason", e."assignmentGroup", e."overdue", e."createdAt",
      t."number", t."kind"::text AS "kind", t."title", t."priority", t."status"::text AS "ticketStatus", t."responseDueAt",
      emp."displayName", emp."email", c."channel"::text AS "channel", a."id" AS "ownerId", a."name" AS "ownerName",
      COALESCE((
        SELECT json_agg(x ORDER BY x."at") FROM (
          SELECT * FROM (
            SELECT CASE WHEN m."direction" = 'inbound' THEN 'employee' ELSE 'bot' END AS "author", m."text", m."createdAt" AS "at", NULL::text AS "agentName"
            FROM "Message" m WHERE m."conversationId" = e."conversationId" AND m."text" <> ''
            UNION ALL
            SELECT em."author", em."text", em."createdAt", ag."name"
            FROM "EscalationMessage" em LEFT JOIN "Agent" ag ON ag."id" = em."agentId"
            WHERE em."escalationId" = e."id" AND em."author" <> 'employee'
          ) lines ORDER BY "at" DESC LIMIT 50) x), '[]'::json) AS "messages",
      COALESCE((
        SELECT json_agg(s."slug" ORDER BY s."first") FROM (
          SELECT article->>'slug' AS "slug", min(m."createdAt") AS "first"
          FROM "Message" m CROSS JOIN LATERAL jsonb_array_elements(
            CASE WHEN jsonb_typeof(m."payload"->'articles') = 'array' THEN m."payload"->'articles' ELSE '[]'::jsonb END) AS article
          WHERE m."conversationId" = e."conversationId" AND m."direction" = 'outbound'
          GROUP BY 1) s WHERE s."slug" IS NOT NULL), '[]'::json) AS "articles"
    FROM "Escalation" e
    JOIN "Ticket" t ON t."id" = e."ticketId"
    JOIN "Conversation" c ON c."id" = e."conversationId"
    JOIN "Employee" emp ON emp."id" = c."employeeId"
    LEFT JOIN "Agent" a ON a."id" = e."claimedById"
    WHERE e."id" = ANY(${escalations.map((e) => e.id)}::text[])
    ORDER BY e."createdAt" DESC, e."id"`;
  return rows.map(toView);
}

function toView(r: ViewRow): EscalationView {
  return {
    id: r.id,
    status: r.status,
    reason: r.reason,
    assignmentGroup: r.assignmentGroup,
    ticket: {
      number: r.number, kind: r.kind, title: r.title, priority: r.priority as 1 | 2 | 3 | 4,
      status: r.ticketStatus, responseDueAt: r.responseDueAt.toISOString(),
    },
    requester: { name: r.displayName, email: r.email, channel: r.channel },
    overdue: r.overdue,
    claimedBy: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? '' } : null,
    articlesTried: r.articles,
    messages: r.messages.map((m) => ({
      author: m.author, text: m.text, at: utc(m.at), ...(m.agentName ? { agentName: m.agentName } : {}),
    })),
    createdAt: r.createdAt.toISOString(),
  };
}

// json_agg renders `timestamp(3)` without a zone; deskbot stores UTC.
function utc(at: string): string {
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(at) ? at : `${at}Z`).toISOString();
}
