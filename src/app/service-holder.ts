import type { Db } from '../db/client.js';
import type { IntentDefinition } from '../classification/types.js';
import type { ArticleDoc } from '../knowledge/types.js';
import type { TurnServices } from '../conversation/turn.js';
import { buildIntentCatalog } from '../intents/intent-catalog.js';
import { buildDomainVocabulary } from '../intents/domain-vocabulary.js';
import { loadIntents } from '../intents/load-intents.js';
import { createKnowledgeIndex } from '../knowledge/create-knowledge-index.js';
import { loadArticles } from '../knowledge/load-articles.js';

/** Holds the current turn services and rebuilds them from the database when intents or articles change. */
export interface ServiceHolder {
  current(): TurnServices;
  /** Retrain the classifier and re-index the knowledge base from the database. */
  reload(): Promise<void>;
}

/**
 * Build turn services from the database. Reloads swap whole objects, so a turn in flight keeps the ones it started with.
 */
export async function createServiceHolder(db: Db, base: Omit<TurnServices, 'catalog' | 'knowledge' | 'vocabulary'>): Promise<ServiceHolder> {
  let services: TurnServices;
  async function reload(): Promise<void> {
    const [{ intents, outOfScopeExamples }, articles] = await Promise.all([loadIntents(db), loadArticles(db)]);
    const itTexts = [...intents.flatMap((i) => i.examples), ...articles.flatMap((a) => [a.title, ...a.tags])];
    services = {
      ...base,
      catalog: buildIntentCatalog(intents, outOfScopeExamples),
      knowledge: createKnowledgeIndex(linkArticlesToIntents(articles, intents)),
      vocabulary: buildDomainVocabulary(itTexts, outOfScopeExamples),
    };
  }
  await reload();
  return { current: () => services, reload };
}

/**
 * An intent's `articleSlugs` (set by admins) link articles to it as much as an article's own `intents` list does:
 * merge both, so the search boosts an intent's articles whichever side the link was made on.
 */
export function linkArticlesToIntents(articles: ArticleDoc[], intents: IntentDefinition[]): ArticleDoc[] {
  const bySlug = new Map<string, string[]>();
  for (const intent of intents) for (const slug of intent.articleSlugs ?? []) bySlug.set(slug, [...(bySlug.get(slug) ?? []), intent.name]);
  return articles.map((a) => ({ ...a, intents: [...new Set([...a.intents, ...(bySlug.get(a.slug) ?? [])])] }));
}
