import type { Db } from '../../db/client.js';
import { clusterTexts } from './cluster-texts.js';

/** A message the bot was unsure about or found out of scope. */
export interface MisunderstoodMessage {
  id: string;
  text: string;
  at: string;
  kind: string;
  intent: string | null;
  confidence: number;
}

/** Similar misunderstood messages, to be added to an intent or dismissed together. */
export interface InboxGroup {
  /** The id of the group's newest message: stable while the group is untouched. */
  key: string;
  size: number;
  terms: string[];
  /** The intent most of its messages were tentatively given, if any (a hint, not a decision). */
  suggestedIntent: string | null;
  messages: MisunderstoodMessage[];
}

/**
 * The misunderstood inbox: employee messages of the last `days` days that were out of scope, or were given an intent
 * with confidence below `act` (so deskbot had to ask or gave up), not yet added or dismissed; newest first, at most
 * 500, grouped by similarity. Messages read as the answer to a question deskbot had asked ("just me", a rating, "yes")
 * are left out: their low confidence says they are answers, not that they were misunderstood (TurnSummary.answered).
 */
export async function misunderstoodInbox(db: Db, options: { days: number; act: number }): Promise<{ total: number; groups: InboxGroup[] }> {
  const since = new Date(Date.now() - options.days * 86_400_000);
  const rows = await db.$queryRaw<Array<{ id: string; text: string; createdAt: Date; kind: string; intent: string | null; confidence: number | null }>>`
    SELECT m."id", m."text", m."createdAt", m."kind", m."intent", m."confidence" FROM "Message" m
    LEFT JOIN "InboxTriage" t ON t."messageId" = m."id"
    WHERE m."direction" = 'inbound' AND m."createdAt" >= ${since} AND m."text" <> '' AND t."messageId" IS NULL
      AND (m."payload"->>'answered') IS NULL
      AND (m."kind" = 'out_of_scope' OR (m."kind" IN ('incident', 'service_request', 'question') AND m."confidence" < ${options.act}))
    ORDER BY m."createdAt" DESC LIMIT 500`;
  const messages: MisunderstoodMessage[] = rows.map((r) => ({
    id: r.id, text: r.text, at: r.createdAt.toISOString(), kind: r.kind, intent: r.intent, confidence: Math.round((r.confidence ?? 0) * 1000) / 1000,
  }));
  const groups = clusterTexts(messages.map((m) => m.text)).map((c) => {
    const members = c.members.map((i) => messages[i]!);
    return { key: members[0]!.id, size: members.length, terms: c.terms, suggestedIntent: mostCommon(members.map((m) => m.intent)), messages: members };
  });
  return { total: messages.length, groups };
}

function mostCommon(values: Array<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
