import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { DeskbotError } from '../core/errors.js';
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

/** A {@link ServiceHolder} whose first load may still be training; see {@link startServiceHolder}. */
export interface StartingServiceHolder {
  holder: ServiceHolder;
  /**
   * Settles when the first load is done: until then `holder.current()` throws. Rejects when the first load fails
   * (e.g. no intent has examples, or the database cannot be read).
   */
  ready: Promise<void>;
}

/** How a {@link ServiceHolder} trains; see {@link startServiceHolder}. */
export interface ServiceHolderOptions {
  /** How later loads (publishes, rollbacks, other instances' changes) train a catalog; default {@link trainCatalogInWorker}. */
  trainCatalog?: CatalogTrainer;
  /**
   * How the first load trains; default {@link trainCatalogInWorker}. When it fails for any reason but the training
   * itself (`bad_request`: the worker timed out, ran out of heap or could not start), the first load trains on the
   * main thread instead, as nothing is served yet and a bot without a model cannot answer at all.
   */
  trainAtStart?: CatalogTrainer;
  /** Where a failed training is reported (the admin API answers only the one who published). */
  logger?: Logger;
  /**
   * Aborts the first load (a stop signal during start-up): its training stops, `ready` rejects, and the main-thread
   * retry is skipped, as it would hold the event loop the shutdown needs.
   */
  signal?: AbortSignal;
}

/**
 * Build turn services from the database: the live model version's snapshot (the Intent tables, i.e. the draft, only
 * while nothing was published) and every knowledge article. Reloads build the new services aside and swap the whole
 * object at once, so a turn in flight keeps the ones it started with. The catalogue of the version that was live
 * before is kept, so a rollback needs no retraining. Every load, the first included, trains in a worker thread, so
 * the event loop stays free meanwhile: at start-up for health checks, later for turns, which the old services keep
 * answering. A load that fails keeps the old services and rejects; a later training that fails (or runs past its
 * time or heap) is also logged.
 * @returns the holder at once, and `ready`, which settles when the first load is done
 */
export function startServiceHolder(
  db: Db,
  base: Omit<TurnServices, 'catalog' | 'knowledge' | 'vocabulary'>,
  options: ServiceHolderOptions = {},
): StartingServiceHolder {
  const trainInWorker = options.trainCatalog ?? trainCatalogInWorker;
  const trainLater: CatalogTrainer = (intents, outOfScopeExamples) => trainInWorker(intents, outOfScopeExamples).catch((err: unknown) => {
    options.logger?.error({ err, intents: intents.length }, 'training the intent model failed; the model served stays as it was');
    throw err;
  });
  const trainAtStart = options.trainAtStart ?? trainCatalogInWorker;
  const trainFirst: CatalogTrainer = (intents, outOfScopeExamples) => trainAtStart(intents, outOfScopeExamples, options.signal).catch((err: unknown) => {
    // The same data would fail the same way on the main thread: only a worker that could not finish is worth a retry.
    if (err instanceof DeskbotError && err.code === 'bad_request') throw err;
    if (options.signal?.aborted) throw err;
    options.logger?.warn({ err, intents: intents.length }, 'training the intent model in a worker failed at start-up; training it on the main thread');
    return buildIntentCatalog(intents, outOfScopeExamples);
  });
  let services: TurnServices | undefined;
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
  const ready = serially(true, trainFirst).then(() => undefined);
  // The caller awaits `ready` only after more start-up work: a failure meanwhile must not count as unhandled.
  ready.catch(() => {});
  const holder: ServiceHolder = {
    current: () => {
      if (!services) throw new DeskbotError('starting', 'deskbot is still starting: the intent model is being trained.');
      return services;
    },
    reload: async () => { await serially(true); },
    sync: () => serially(false),
    liveVersion: () => loaded?.version ?? null,
  };
  return { holder, ready };
}

/**
 * {@link startServiceHolder}, resolved once the first load is done.
 * @throws whatever the first load throws (e.g. DeskbotError `bad_request` when no intent has examples)
 */
export async function createServiceHolder(
  db: Db,
  base: Omit<TurnServices, 'catalog' | 'knowledge' | 'vocabulary'>,
  options: ServiceHolderOptions = {},
): Promise<ServiceHolder> {
  const { holder, ready } = startServiceHolder(db, base, options);
  await ready;
  return holder;
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
