import type { Db } from '../db/client.js';
import type { ArticleCard } from '../core/reply.js';

/** An article's Markdown without its first heading (the reply names the article already); null if it is gone. */
export async function articleBody(db: Db, slug: string): Promise<string | null> {
  const [article] = await db.$queryRaw<Array<{ body: string }>>`SELECT "body" FROM "KnowledgeArticle" WHERE "slug" = ${slug}`;
  return article ? article.body.replace(/^#\s+.*\n+/, '').trim() : null;
}

/** The bodies of `articles` that still exist, by slug (see {@link articleBody}). */
export async function articleBodies(db: Db, articles: readonly ArticleCard[]): Promise<Map<string, string>> {
  const bodies = await Promise.all(articles.map(async (a) => [a.slug, await articleBody(db, a.slug)] as const));
  return new Map(bodies.flatMap(([slug, body]) => (body ? [[slug, body] as [string, string]] : [])));
}
