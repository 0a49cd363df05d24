import type { Db } from '../../db/client.js';
import { notifyServingChange } from '../../model-versions/live-model.js';

/*
 * Intents and knowledge articles name each other (intent.articleSlugs, article.intents) without a foreign key, so a
 * delete must remove the other side's links itself, in the same transaction: a dangling name would make the next
 * save of the linking record fail validation ("No intent named X") for a reason its editor cannot see.
 */

/**
 * Remove deleted intents from every article's `intents`, in one statement that keeps the order of the rest (articles
 * are live: every instance re-indexes at commit).
 * @param names the deleted intents' names
 * @returns the slugs of the articles changed
 */
export async function unlinkIntentsFromArticles(db: Db, names: string[]): Promise<string[]> {
  if (!names.length) return [];
  const changed = await db.$queryRaw<Array<{ slug: string }>>`
    UPDATE "KnowledgeArticle"
    SET "intents" = ARRAY(SELECT u.name FROM unnest("intents") WITH ORDINALITY AS u(name, n) WHERE u.name <> ALL(${names}::text[]) ORDER BY u.n),
        "updatedAt" = ${new Date()}
    WHERE "intents" && ${names}::text[]
    RETURNING "slug"`;
  if (changed.length) await notifyServingChange(db, 'articles');
  return changed.map((a) => a.slug);
}

/**
 * Remove a deleted article from the `articleSlugs` of every draft intent, in one statement (published versions keep
 * theirs: a slug with no article links to nothing there).
 * @returns the names of the intents changed
 */
export async function unlinkArticleFromIntents(db: Db, slug: string): Promise<string[]> {
  const changed = await db.$queryRaw<Array<{ name: string }>>`
    UPDATE "Intent" SET "articleSlugs" = array_remove("articleSlugs", ${slug}), "updatedAt" = ${new Date()}
    WHERE ${slug} = ANY("articleSlugs")
    RETURNING "name"`;
  return changed.map((i) => i.name);
}

/**
 * The slugs that name no knowledge article. Inside a transaction, the articles found stay locked (FOR SHARE) until it
 * ends, so a concurrent delete of one waits, then unlinks it from the intent this transaction saves: checking
 * without the lock would let the delete slip in between the check and the save and leave a dangling slug.
 * @returns them in the order given, without repeats
 */
export async function unknownArticleSlugs(db: Db, slugs: string[]): Promise<string[]> {
  if (!slugs.length) return [];
  const rows = await db.$queryRaw<Array<{ slug: string }>>`SELECT "slug" FROM "KnowledgeArticle" WHERE "slug" = ANY(${slugs}::text[]) FOR SHARE`;
  const found = new Set(rows.map((r) => r.slug));
  return [...new Set(slugs.filter((s) => !found.has(s)))];
}

/**
 * Match names to draft intents ignoring case (intent names are unique regardless of case, so `PRINTER_SETUP` can only
 * mean `printer_setup`); the intents found stay locked (FOR SHARE) as in {@link unknownArticleSlugs}.
 * @returns `stored`: the names as the draft spells them, in the order given, without repeats; `missing`: the names
 *   that match no draft intent
 */
export async function matchIntentNames(db: Db, names: string[]): Promise<{ stored: string[]; missing: string[] }> {
  if (!names.length) return { stored: [], missing: [] };
  const rows = await db.$queryRaw<Array<{ name: string }>>`
    SELECT "name" FROM "Intent" WHERE lower("name") = ANY(${names.map((n) => n.toLowerCase())}::text[]) FOR SHARE`;
  const byLower = new Map(rows.map((r) => [r.name.toLowerCase(), r.name]));
  return {
    stored: [...new Set(names.map((n) => byLower.get(n.toLowerCase())).filter((n): n is string => n !== undefined))],
    missing: [...new Set(names.filter((n) => !byLower.has(n.toLowerCase())))],
  };
}
