import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../agent-desk/http/parse-input.js';
import { createArticle, deleteArticle, getArticle, listArticles, updateArticle } from '../articles/article-admin.js';
import type { AdminContext } from './admin-context.js';
import { expectedVersion, withEtag } from './if-match.js';
import { articleParams, createArticleBody, updateArticleBody } from './admin-schemas.js';

/**
 * Knowledge articles (not versioned: a change is live on every instance within seconds, and on this one before the
 * response):
 * - `GET /api/admin/articles` → `{ articles }` (no bodies)
 * - `POST /api/admin/articles` `{ slug, title, body, tags?, intents? }` → 201 `{ article }`; 409 `conflict`
 * - `GET /api/admin/articles/:slug` → `{ article }` (its `updatedAt` is its version); ETag header
 * - `PATCH /api/admin/articles/:slug` `{ title?, body?, tags?, intents? }` → `{ article }`; with `If-Match: <ETag>`,
 *   412 `changed` when someone changed the article since
 * - `DELETE /api/admin/articles/:slug` → 204 (If-Match as for PATCH); draft intents linking to it lose the link
 */
export function registerArticleRoutes(app: FastifyInstance, ctx: AdminContext): void {
  const { prisma } = ctx;
  const slugOf = (params: unknown) => parseInput(articleParams, params).slug;
  app.get('/api/admin/articles', async () => ({ articles: await listArticles(prisma) }));
  app.post('/api/admin/articles', async (req, reply) => {
    const { slug, ...input } = parseInput(createArticleBody, req.body);
    await createArticle(prisma, slug, input);
    await ctx.live.sync();
    return reply.status(201).send({ article: await getArticle(prisma, slug) });
  });
  app.get('/api/admin/articles/:slug', async (req, reply) => {
    const article = await getArticle(prisma, slugOf(req.params));
    return withEtag(reply, article.updatedAt).send({ article });
  });
  app.patch('/api/admin/articles/:slug', async (req, reply) => {
    const slug = slugOf(req.params);
    await updateArticle(prisma, slug, parseInput(updateArticleBody, req.body), expectedVersion(req));
    await ctx.live.sync();
    const article = await getArticle(prisma, slug);
    return withEtag(reply, article.updatedAt).send({ article });
  });
  app.delete('/api/admin/articles/:slug', async (req, reply) => {
    await deleteArticle(prisma, slugOf(req.params), expectedVersion(req));
    await ctx.live.sync();
    return reply.status(204).send();
  });
}
