import type { Db, PrismaClient } from '../../db/client.js';
import { DeskbotError } from '../../core/errors.js';
import { notifyServingChange } from '../../model-versions/live-model.js';
import { AdminError } from '../admin-error.js';
import { matchIntentNames, unlinkArticleFromIntents } from '../draft/intent-article-links.js';
import { refuseMissingOrChanged } from '../refuse-missing-or-changed.js';

/** A knowledge article as admins edit it (`body` is Markdown). */
export interface ArticleInput {
  title: string;
  body: string;
  tags: string[];
  /** Intents the article answers (it is boosted and offered for them). */
  intents: string[];
}

/** Every article without its body, by slug. */
export async function listArticles(db: Db): Promise<Array<Omit<ArticleInput, 'body'> & { id: string; slug: string; updatedAt: string }>> {
  const rows = await db.knowledgeArticle.findMany({ orderBy: { slug: 'asc' }, omit: { body: true } });
  return rows.map((r) => ({ id: r.id, slug: r.slug, title: r.title, tags: r.tags, intents: r.intents, updatedAt: r.updatedAt.toISOString() }));
}

/** One article with its body. @throws DeskbotError `not_found` */
export async function getArticle(db: Db, slug: string): Promise<ArticleInput & { id: string; slug: string; updatedAt: string }> {
  const row = await db.knowledgeArticle.findUnique({ where: { slug } });
  if (!row) throw new DeskbotError('not_found', `No article with slug "${slug}".`);
  return { id: row.id, slug: row.slug, title: row.title, body: row.body, tags: row.tags, intents: row.intents, updatedAt: row.updatedAt.toISOString() };
}

/**
 * Create an article; every instance re-indexes (articles are not versioned: an edit is live at once).
 * @throws AdminError `conflict` when the slug is taken; DeskbotError `bad_request` for intents the draft does not have
 */
export async function createArticle(prisma: PrismaClient, slug: string, input: ArticleInput): Promise<void> {
  if (await prisma.knowledgeArticle.findUnique({ where: { slug }, select: { id: true } })) throw new AdminError('conflict', `An article with slug "${slug}" exists already.`);
  await prisma.$transaction(async (tx) => {
    const intents = await checkIntents(tx, input.intents);
    await tx.knowledgeArticle.create({ data: { slug, ...input, ...(intents ? { intents } : {}) } });
    await notifyServingChange(tx, 'articles');
  });
}

/**
 * Change some fields of an article; every instance re-indexes. With `expected`, only if the article is still at
 * that version (its `updatedAt`), checked in the same statement as the change.
 * @throws DeskbotError `not_found`, or `bad_request` for intents the draft does not have; AdminError `changed` (412)
 *   when someone changed it since `expected`
 */
export async function updateArticle(prisma: PrismaClient, slug: string, patch: Partial<ArticleInput>, expected?: Date): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const intents = await checkIntents(tx, patch.intents);
    const { count } = await tx.knowledgeArticle.updateMany({ where: { slug, ...(expected ? { updatedAt: expected } : {}) }, data: { ...patch, ...(intents ? { intents } : {}), updatedAt: new Date() } });
    if (count === 0) await refuseMissingOrChanged(articleRecord(tx, slug));
    await notifyServingChange(tx, 'articles');
  });
}

/**
 * Delete an article, and its slug from every draft intent's `articleSlugs`, in one transaction; every instance
 * re-indexes. With `expected`, only if it is still at that version.
 * @returns the names of the draft intents that linked to it
 * @throws DeskbotError `not_found`; AdminError `changed` (412) when someone changed it since `expected`
 */
export async function deleteArticle(prisma: PrismaClient, slug: string, expected?: Date): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.knowledgeArticle.deleteMany({ where: { slug, ...(expected ? { updatedAt: expected } : {}) } });
    if (count === 0) await refuseMissingOrChanged(articleRecord(tx, slug));
    await notifyServingChange(tx, 'articles');
    return unlinkArticleFromIntents(tx, slug);
  });
}

/**
 * A typo in an article's intents would silently never link it: name the unknown ones (like intents' articleSlugs).
 * The intents found stay locked until the caller's transaction ends, so deleting one cannot slip in before the save.
 * @returns the names as the draft spells them (matched ignoring case), or undefined when `names` is
 */
async function checkIntents(db: Db, names: string[] | undefined): Promise<string[] | undefined> {
  if (names === undefined) return undefined;
  const { stored, missing } = await matchIntentNames(db, names);
  if (missing.length) throw new DeskbotError('bad_request', `No intent named ${missing.map((m) => `"${m}"`).join(', ')}.`);
  return stored;
}

/** The article a conditional edit missed, for {@link refuseMissingOrChanged}. */
const articleRecord = (db: Db, slug: string) => ({
  name: `Article "${slug}"`,
  notFound: `No article with slug "${slug}".`,
  current: () => db.knowledgeArticle.findUnique({ where: { slug }, select: { updatedAt: true } }),
});
