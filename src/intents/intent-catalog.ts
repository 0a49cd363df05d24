import type { IntentDefinition, Understander } from '../classification/types.js';
import { createUnderstander } from '../classification/understand.js';

/** The published intents and the classifier trained on them. Swapped whole when admins change intents. */
export interface IntentCatalog {
  readonly understander: Understander;
  get(name: string): IntentDefinition | undefined;
  readonly intents: readonly IntentDefinition[];
}

/**
 * Train a catalog from intent definitions (enabled ones only) and out-of-scope examples.
 * Training takes milliseconds for the seed catalogue, so callers rebuild rather than patch.
 */
export function buildIntentCatalog(intents: IntentDefinition[], outOfScopeExamples: string[] = []): IntentCatalog {
  return intentCatalogOf(intents, createUnderstander(intents, outOfScopeExamples));
}

/** A catalog over an understander already trained on `intents` (e.g. in a worker thread). */
export function intentCatalogOf(intents: IntentDefinition[], understander: Understander): IntentCatalog {
  const byName = new Map(intents.map((i) => [i.name, i]));
  return { understander, get: (name) => byName.get(name), intents };
}
