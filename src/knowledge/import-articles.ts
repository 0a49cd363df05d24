import type { Db } from '../db/client.js';
import { readArticlesFromDir } from './read-articles.js';

/**
 * Import a folder of Markdown articles: create new slugs, update existing ones in place (never a duplicate).
 * @returns how many articles were created and updated
 * @throws the file system's error when the folder cannot be read
 */
export async function importArticles(db: Db, dir: string): Promise<{ created: number; updated: number }> {
  const articles = await readArticlesFromDir(dir);
  const existing = new Set((await db.knowledgeArticle.findMany({ where: { slug: { in: articles.map((a) => a.slug) } }, select: { slug: true } })).map((a) => a.slug));
  for (const a of articles) {
    const data = { title: a.title, body: a.body, tags: a.tags, intents: a.intents };
    await db.knowledgeArticle.upsert({ where: { slug: a.slug }, create: { slug: a.slug, ...data }, update: data });
  }
  const updated = articles.filter((a) => existing.has(a.slug)).length;
  return { created: articles.length - updated, updated };
}
