import type { Db } from '../db/client.js';
import { toStorableJson } from '../db/storable-json.js';
import { readArticlesFromDir } from './read-articles.js';

/**
 * Upsert the articles of `dir` (see {@link readArticlesFromDir}) into KnowledgeArticle by slug. Articles whose title,
 * body, tags and intents are unchanged are not written; articles missing from `dir` are left alone.
 * @returns `created`: new slugs; `updated`: existing slugs whose content changed
 * @throws the file-system error when `dir` cannot be read; Prisma errors from the database
 */
export async function importArticles(db: Db, dir: string): Promise<{ created: number; updated: number }> {
  const articles = await readArticlesFromDir(dir);
  const existing = await db.knowledgeArticle.findMany({ where: { slug: { in: articles.map((a) => a.slug) } } });
  const bySlug = new Map(existing.map((row) => [row.slug, row]));
  let created = 0;
  let updated = 0;
  for (const article of articles) {
    const row = bySlug.get(article.slug);
    // A NUL in a Markdown file would make PostgreSQL refuse the whole import.
    const data = toStorableJson({ title: article.title, body: article.body, tags: article.tags, intents: article.intents }) as Pick<typeof article, 'title' | 'body' | 'tags' | 'intents'>;
    if (!row) {
      await db.knowledgeArticle.upsert({ where: { slug: article.slug }, create: { slug: article.slug, ...data }, update: data });
      created += 1;
    } else if (JSON.stringify([row.title, row.body, row.tags, row.intents]) !== JSON.stringify(Object.values(data))) {
      await db.knowledgeArticle.update({ where: { slug: article.slug }, data });
      updated += 1;
    }
  }
  return { created, updated };
}
