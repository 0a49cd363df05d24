import type { Db } from '../../db/client.js';

/** An example text that more than one draft intent holds (compared ignoring case). */
export interface SharedExample {
  text: string;
  /** The intents holding it, by name; in {@link examplesUnderOtherIntents}, only the others. */
  intents: string[];
}

/** Most shared texts one response lists: a bulk import of a messy file could otherwise list thousands. */
export const maxSharedListed = 100;

/*
 * The same text under two intents teaches the classifier that it means both, so neither wins on it. It is not refused
 * (moving an example from one intent to another adds it first), only reported, so the admin can decide.
 */

/**
 * Which of `texts` other draft intents hold too, ignoring case.
 * @param intentId the intent the texts were added to
 * @returns at most {@link maxSharedListed}, in the order of `texts`
 */
export async function examplesUnderOtherIntents(db: Db, intentId: string, texts: string[]): Promise<SharedExample[]> {
  if (!texts.length) return [];
  const rows = await db.$queryRaw<Array<{ key: string; name: string }>>`
    SELECT DISTINCT lower(e."text") AS "key", i."name" FROM "IntentExample" e JOIN "Intent" i ON i."id" = e."intentId"
    WHERE e."intentId" <> ${intentId} AND lower(e."text") = ANY(${texts.map((t) => t.toLowerCase())}::text[])
    ORDER BY i."name"`;
  return groupByText(texts, rows);
}

/**
 * Which of `texts` two or more draft intents hold, ignoring case (after an import).
 * @returns at most {@link maxSharedListed}, in the order of `texts`, each with every intent holding it
 */
export async function examplesUnderSeveralIntents(db: Db, texts: string[]): Promise<SharedExample[]> {
  if (!texts.length) return [];
  const rows = await db.$queryRaw<Array<{ key: string; name: string }>>`
    WITH shared AS (
      SELECT lower("text") AS "key" FROM "IntentExample" WHERE lower("text") = ANY(${texts.map((t) => t.toLowerCase())}::text[])
      GROUP BY lower("text") HAVING count(DISTINCT "intentId") > 1)
    SELECT DISTINCT s."key", i."name" FROM shared s
    JOIN "IntentExample" e ON lower(e."text") = s."key" JOIN "Intent" i ON i."id" = e."intentId"
    ORDER BY i."name"`;
  return groupByText(texts, rows);
}

function groupByText(texts: string[], rows: Array<{ key: string; name: string }>): SharedExample[] {
  const byKey = new Map<string, string[]>();
  for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row.name]);
  const out: SharedExample[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    const key = text.toLowerCase();
    const intents = byKey.get(key);
    if (!intents || seen.has(key)) continue;
    seen.add(key);
    out.push({ text, intents });
    if (out.length === maxSharedListed) break;
  }
  return out;
}
