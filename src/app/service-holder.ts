import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import type { IntentDefinition } from '../classification/types.js';
import type { ArticleDoc } from '../knowledge/types.js';
import type { TurnServices } from '../conversation/turn.js';
import { buildIntentCatalog, type IntentCatalog } from '../intents/intent-catalog.js';
import { buildDomainVocabulary } from '../intents/domain-vocabulary.js';
import { loadIntents } from '../intents/load-intents.js';
import { createKnowledgeIndex } from '../knowledge/create-knowledge-index.js';
import { loadArticles } from '../knowledge/load-articles.js';
import { trainCatalogInWorker, type CatalogTrainer } from './train-catalog-in-worker.js';
import { loadLiveModel, readServingFingerprint, type ServingFingerprint, type VersionRef } from '../model-versions/live-model.js';

/** Holds the current turn services and rebuilds them from the database when the live model or articles change. */
export interface ServiceHolder {
  current(): TurnServices;
  /** Retrain the classifier and re-index the knowledge base from the database. */
  reload(): Promise<void>;
  /**
   * Look at what is live (one cheap query) and reload only what changed: the classifier when another model version
   * went live, the knowledge index when articles changed. Calls are serialized. Resolves true when it swapped.
   */
  sync(): Promise<boolean>;
  /** The published model version being served; null before anything was published (then the draft is served). */
  liveVersion(): VersionRef | null;
}

/**
 * Build turn services from the database: the live model version's snapshot (the Intent tables, i.e. the draft, only
 * while nothing was published) and every knowledge article. Reloads build the new services aside and swap the whole
 * object at once, so a turn in flight keeps the ones it started with. The catalogue of the version that was live
 * before is kept, so a rollback needs no retraining. The first load trains in-process (nothing is served yet); later
 * ones train in a worker thread, so turns keep being answered by the old services meanwhile. A load that fails keeps
 * the old services and rejects; a later training that fails (or runs past its time or heap) is also logged.
 * @param options.trainCatalog how later loads train a catalog; default {@link trainCatalogInWorker}
 * @param options.logger where a failed later training is reported (the admin API answers only the one who published)
 */
export async function createServiceHolder(
  db: Db,
  base: Omit<TurnServices, 'catalog' | 'knowledge' | 'vocabulary'>,
  options: { trainCatalog?: CatalogTrainer; logger?: Logger } = {},
): Promise<ServiceHolder> {
  const trainInWorker = options.trainCatalog ?? trainCatalogInWorker;
  const trainLater: CatalogTrainer = (intents, outOfScopeExamples) => trainInWorker(intents, outOfScopeExamples).catch((err: unknown) => {
    options.logger?.error({ err, intents: intents.length }, 'training the intent model failed; the model served stays as it was');
    throw err;
  });
  const trainNow: CatalogTrainer = async (intents, outOfScopeExamples) => buildIntentCatalog(intents, outOfScopeExamples);
  let services: TurnServices;
  let loaded: { version: VersionRef | null; fingerprint: ServingFingerprint } | undefined;
  const catalogs = new Map<string, IntentCatalog>();
  let queue: Promise<boolean> = Promise.resolve(false);

  async function load(force: boolean, train: CatalogTrainer): Promise<boolean> {
    const fingerprint = await readServingFingerprint(db);
    if (!force && loaded && loaded.fingerprint.versionId === fingerprint.versionId && loaded.fingerprint.articles === fingerprint.articles) return false;
    const [live, articles] = await Promise.all([loadLiveModel(db), loadArticles(db)]);
    const { intents, outOfScopeExamples } = live?.snapshot ?? (await loadIntents(db));
    const catalog = (live && !force && catalogs.get(live.version.id)) || (await train(intents, outOfScopeExamples));
    if (live) keepCatalog(catalogs, live.version.id, catalog);
    const itTexts = [...intents.flatMap((i) => i.examples), ...articles.flatMap((a) => [a.title, ...a.tags])];
    services = {
      ...base,
      catalog,
      knowledge: createKnowledgeIndex(linkArticlesToIntents(articles, intents)),
      vocabulary: buildDomainVocabulary(itTexts, outOfScopeExamples),
    };
    loaded = { version: live?.version ?? null, fingerprint: { versionId: live?.version.id ?? null, articles: fingerprint.articles } };
    return true;
  }
  // One load at a time, in call order: an older load can never overwrite a newer one.
  const serially = (force: boolean, train = trainLater) => (queue = queue.catch(() => false).then(() => load(force, train)));
  await serially(true, trainNow);
  return {
    current: () => services,
    reload: async () => { await serially(true); },
    sync: () => serially(false),
    liveVersion: () => loaded?.version ?? null,
  };
}

/** Keep the live catalogue and the one before it (for an instant rollback); drop older ones. */
function keepCatalog(catalogs: Map<string, IntentCatalog>, versionId: string, catalog: IntentCatalog): void {
  catalogs.delete(versionId);
  catalogs.set(versionId, catalog);
  while (catalogs.size > 2) catalogs.delete(catalogs.keys().next().value!);
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
