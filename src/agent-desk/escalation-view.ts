import type { Db } from '../db/client.js';
import type { Escalation } from '../generated/prisma/client.js';
import type { DeskMessage, EscalationView } from './types.js';

/** Lines of conversation shown with an escalation. */
const transcriptLength = 50;

/**
 * Build what agents see of escalations: ticket, requester, SLA state, owner, articles the bot offered, and the last
 * 50 lines of the conversation (employee and bot from the conversation's messages, agent and system lines from
 * the escalation's messages; bridged employee lines are already in the conversation), oldest first.
 * Escalations whose ticket or conversation is gone are left out.
 */
export async function buildEscalationViews(db: Db, escalations: Escalation[]): Promise<EscalationView[]> {
  if (!escalations.length) return [];
  const [tickets, conversations, agents] = await Promise.all([
    db.ticket.findMany({ where: { id: { in: escalations.map((e) => e.ticketId) } } }),
    db.conversation.findMany({
      where: { id: { in: escalations.map((e) => e.conversationId) } },
      select: { id: true, channel: true, employee: { select: { displayName: true, email: true } } },
    }),
    db.agent.findMany({ where: { id: { in: escalations.flatMap((e) => (e.claimedById ? [e.claimedById] : [])) } }, select: { id: true, name: true } }),
  ]);
  const views = await Promise.all(escalations.map(async (e): Promise<EscalationView | null> => {
    const ticket = tickets.find((t) => t.id === e.ticketId);
    const conversation = conversations.find((c) => c.id === e.conversationId);
    if (!ticket || !conversation) return null;
    const [messages, articlesTried] = await Promise.all([transcript(db, e), articlesOffered(db, e.conversationId)]);
    const owner = agents.find((a) => a.id === e.claimedById);
    return {
      id: e.id,
      status: e.status,
      reason: e.reason as EscalationView['reason'],
      assignmentGroup: e.assignmentGroup,
      ticket: {
        number: ticket.number, kind: ticket.kind, title: ticket.title, priority: ticket.priority as 1 | 2 | 3 | 4,
        status: ticket.status, responseDueAt: ticket.responseDueAt.toISOString(),
      },
      requester: { name: conversation.employee.displayName, email: conversation.employee.email, channel: conversation.channel },
      overdue: e.overdue,
      claimedBy: owner ? { id: owner.id, name: owner.name } : null,
      articlesTried,
      messages,
      createdAt: e.createdAt.toISOString(),
    };
  }));
  return views.filter((v): v is EscalationView => v !== null);
}

async function transcript(db: Db, escalation: Escalation): Promise<DeskMessage[]> {
  const [messages, deskLines] = await Promise.all([
    db.message.findMany({
      where: { conversationId: escalation.conversationId, text: { not: '' } },
      orderBy: { createdAt: 'desc' }, take: transcriptLength, select: { direction: true, text: true, createdAt: true },
    }),
    db.escalationMessage.findMany({
      where: { escalationId: escalation.id, author: { not: 'employee' } },
      orderBy: { createdAt: 'desc' }, take: transcriptLength, include: { agent: { select: { name: true } } },
    }),
  ]);
  const lines: Array<DeskMessage & { time: number }> = [
    ...messages.map((m) => ({ author: m.direction === 'inbound' ? 'employee' as const : 'bot' as const, text: m.text, at: m.createdAt.toISOString(), time: m.createdAt.getTime() })),
    ...deskLines.map((m) => ({
      author: m.author as DeskMessage['author'], text: m.text, at: m.createdAt.toISOString(), time: m.createdAt.getTime(),
      ...(m.agent ? { agentName: m.agent.name } : {}),
    })),
  ];
  lines.sort((a, b) => a.time - b.time);
  return lines.slice(-transcriptLength).map(({ time: _time, ...line }) => line);
}

async function articlesOffered(db: Db, conversationId: string): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ slug: string }>>`
    SELECT a."slug" FROM (
      SELECT DISTINCT ON (article->>'slug') article->>'slug' AS "slug", m."createdAt"
      FROM "Message" m CROSS JOIN LATERAL jsonb_array_elements(m."payload"->'articles') AS article
      WHERE m."conversationId" = ${conversationId} AND m."direction" = 'outbound' AND jsonb_typeof(m."payload"->'articles') = 'array'
      ORDER BY article->>'slug', m."createdAt") a
    WHERE a."slug" IS NOT NULL ORDER BY a."createdAt"`;
  return rows.map((r) => r.slug);
}
