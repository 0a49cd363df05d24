import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/client.js';
import { loadSeedIntents } from '../classification/load-seed-intents.js';
import { storeIntents } from '../intents/store-intents.js';
import { importArticles } from '../knowledge/import-articles.js';

/** The shipped knowledge articles (Markdown with front matter). */
export const seedArticlesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../prisma/seed/articles');

/**
 * Give an empty database the shipped intents and knowledge articles. Parts that already have rows are left alone,
 * so admins' own edits survive restarts.
 */
export async function seedIfEmpty(db: Db, options: { articlesDir?: string } = {}): Promise<{ intents: number; articles: number }> {
  let intents = 0;
  let articles = 0;
  if ((await db.intent.count()) === 0) {
    const seed = loadSeedIntents();
    intents = await storeIntents(db, seed.intents, seed.outOfScopeExamples);
  }
  if ((await db.knowledgeArticle.count()) === 0) {
    articles = (await importArticles(db, options.articlesDir ?? seedArticlesDir)).created;
  }
  return { intents, articles };
}
