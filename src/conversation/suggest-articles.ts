import type { IntentDefinition } from '../classification/types.js';
import type { ArticleCard } from '../core/reply.js';
import type { TurnServices } from './turn.js';

/** How many articles a knowledge answer offers. */
export const articlesOffered = 3;

/** Share of the best hit's score below which other hits are left out as noise. */
const relativeCutoff = 0.5;

/**
 * Pick up to `k` articles for a message: the search ranks by the words, boosted by the intent's own articles;
 * hits far weaker than the best one are dropped rather than shown as filler.
 */
export function suggestArticles(
  services: Pick<TurnServices, 'knowledge' | 'catalog'>, text: string, intent: IntentDefinition | null, k: number, relatedIntents: string[] = [],
): ArticleCard[] {
  const query = text || intent?.description || '';
  if (!query) return [];
  const intents = [...(intent ? [intent.name] : []), ...relatedIntents];
  const hits = services.knowledge.search(query, { k: k + 2, intents: intents.length ? intents : undefined });
  if (!hits.length) return [];
  const linked = new Set([intent, ...relatedIntents.map((name) => services.catalog.get(name))].flatMap((d) => d?.articleSlugs ?? []));
  const best = hits[0]!.score;
  return hits
    .filter((h) => linked.has(h.slug) || h.score >= best * relativeCutoff)
    .slice(0, k)
    .map((h) => ({ id: h.id, slug: h.slug, title: h.title, snippet: h.snippet }));
}
