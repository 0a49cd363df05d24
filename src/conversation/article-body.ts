import type { Db } from '../db/client.js';
import type { ArticleCard } from '../core/reply.js';

/** An article's Markdown without its first heading (the reply names the article already); null if it is gone. */
export async function articleBody(db: Db, slug: string): Promise<string | null> {
  const [article] = await db.$queryRaw<Array<{ body: string }>>`SELECT "body" FROM "KnowledgeArticle" WHERE "slug" = ${slug}`;
  return article ? withoutTitle(article.body) : null;
}

/** The bodies of `articles` that still exist, by slug (see {@link articleBody}); one statement for all of them. */
export async function articleBodies(db: Db, articles: readonly ArticleCard[]): Promise<Map<string, string>> {
  if (!articles.length) return new Map();
  const rows = await db.$queryRaw<Array<{ slug: string; body: string }>>`
    SELECT "slug", "body" FROM "KnowledgeArticle" WHERE "slug" = ANY(${articles.map((a) => a.slug)}::text[])`;
  const bySlug = new Map(rows.map((r) => [r.slug, withoutTitle(r.body)]));
  // In the order offered; an article gone, or empty once its heading is removed, is left out (as articleBody's null).
  return new Map(articles.flatMap((a) => {
    const body = bySlug.get(a.slug);
    return body ? [[a.slug, body] as [string, string]] : [];
  }));
}

function withoutTitle(body: string): string {
  return body.replace(/^#\s+.*\n+/, '').trim();
}
