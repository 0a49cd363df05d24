import type { Db } from '../db/client.js';
import type { TurnServices } from '../conversation/turn.js';
import { buildIntentCatalog } from '../intents/intent-catalog.js';
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
export async function createServiceHolder(db: Db, base: Omit<TurnServices, 'catalog' | 'knowledge'>): Promise<ServiceHolder> {
  let services: TurnServices;
  async function reload(): Promise<void> {
    const [{ intents, outOfScopeExamples }, articles] = await Promise.all([loadIntents(db), loadArticles(db)]);
    services = { ...base, catalog: buildIntentCatalog(intents, outOfScopeExamples), knowledge: createKnowledgeIndex(articles) };
  }
  await reload();
  return { current: () => services, reload };
}
