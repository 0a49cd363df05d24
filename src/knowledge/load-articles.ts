import type { Db } from '../db/client.js';
import type { ArticleDoc } from './types.js';

/** Every knowledge article in the database, in slug order, as the index takes them. */
export async function loadArticles(db: Db): Promise<ArticleDoc[]> {
  const rows = await db.knowledgeArticle.findMany({ orderBy: { slug: 'asc' } });
  return rows.map((r) => ({ id: r.id, slug: r.slug, title: r.title, body: r.body, tags: r.tags, intents: r.intents }));
}
