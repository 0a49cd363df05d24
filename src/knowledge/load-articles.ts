import type { Db } from '../db/client.js';
import type { ArticleDoc } from './types.js';

/** Every KnowledgeArticle, ordered by slug, ready for {@link createKnowledgeIndex}. */
export async function loadArticles(db: Db): Promise<ArticleDoc[]> {
  const rows = await db.knowledgeArticle.findMany({ orderBy: { slug: 'asc' } });
  return rows.map(({ id, slug, title, body, tags, intents }) => ({ id, slug, title, body, tags, intents }));
}
