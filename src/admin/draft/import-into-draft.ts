import type { PrismaClient } from '../../db/client.js';
import { DeskbotError } from '../../core/errors.js';
import type { IntentKind } from '../../classification/types.js';
import { outOfScopeIntentName } from '../../intents/load-intents.js';
import type { ImportedCatalogue, ImportedIntent } from '../formats/intent-file.js';
import { insertExamples, refuseTakenName } from './draft-intents.js';
import { unknownArticleSlugs, unlinkIntentsFromArticles } from './intent-article-links.js';
import { examplesUnderSeveralIntents, type SharedExample } from './shared-examples.js';

/** Options of {@link importIntoDraft}. */
export interface ImportOptions {
  /** `merge` (default) adds to the draft; `replace` makes the draft exactly the file (settings of kept intents stay). */
  mode: 'merge' | 'replace';
  /** Kind given to intents the draft does not have yet, unless the file says (deskbot JSON). Default `question`. */
  defaultKind: IntentKind;
}

/** What an import changed. */
export interface ImportSummary {
  intentsCreated: string[];
  intentsUpdated: string[];
  intentsRemoved: string[];
  examplesAdded: number;
  examplesRemoved: number;
  /** Articles whose `intents` lost an intent the import removed (replace mode). */
  articlesUnlinked: string[];
  /** Texts of the file that two or more draft intents now hold (ignoring case; at most 100): reported, not refused. */
  sharedExamples: SharedExample[];
}

/**
 * Apply an imported catalogue to the draft in one transaction: nothing is half-imported.
 * Settings in the file (deskbot JSON) overwrite the draft's; other formats only bring examples.
 * Intents removed in replace mode leave the articles that named them, in the same transaction.
 * @throws AdminError `conflict` when a new intent differs only in case from one the draft keeps; DeskbotError
 *   `bad_request` when an intent links to an article that does not exist (as `POST /intents` refuses it)
 */
export async function importIntoDraft(prisma: PrismaClient, catalogue: ImportedCatalogue, options: ImportOptions): Promise<ImportSummary> {
  const all: ImportedIntent[] = [...catalogue.intents];
  if (catalogue.outOfScopeExamples.length || options.mode === 'replace') all.push({ name: outOfScopeIntentName, examples: catalogue.outOfScopeExamples, description: 'Messages the service desk does not handle' });
  return prisma.$transaction(async (tx) => {
    const summary: ImportSummary = { intentsCreated: [], intentsUpdated: [], intentsRemoved: [], examplesAdded: 0, examplesRemoved: 0, articlesUnlinked: [], sharedExamples: [] };
    for (const intent of all) {
      const missing = await unknownArticleSlugs(tx, intent.articleSlugs ?? []);
      if (missing.length) throw new DeskbotError('bad_request', `Intent "${intent.name}" links to no knowledge article with slug ${missing.map((m) => `"${m}"`).join(', ')}: create the article first, or remove the slug from the file.`);
    }
    if (options.mode === 'replace') {
      const gone = await tx.intent.findMany({ where: { name: { notIn: all.map((i) => i.name) } }, select: { name: true } });
      await tx.intent.deleteMany({ where: { name: { in: gone.map((g) => g.name) } } });
      summary.intentsRemoved = gone.map((g) => g.name);
      summary.articlesUnlinked = await unlinkIntentsFromArticles(tx, summary.intentsRemoved);
    }
    for (const intent of all) {
      const { name, examples, ...settings } = intent;
      const existing = await tx.intent.findUnique({ where: { name }, select: { id: true } });
      if (!existing) await refuseTakenName(tx, name);
      const row = existing
        ? await tx.intent.update({ where: { name }, data: settings, select: { id: true } })
        : await tx.intent.create({ data: { name, kind: options.defaultKind, ...settings }, select: { id: true } });
      (existing ? summary.intentsUpdated : summary.intentsCreated).push(name);
      if (options.mode === 'replace') {
        const removed = await tx.intentExample.deleteMany({ where: { intentId: row.id, text: { notIn: examples } } });
        summary.examplesRemoved += removed.count;
      }
      summary.examplesAdded += await insertExamples(tx, row.id, examples);
    }
    summary.sharedExamples = await examplesUnderSeveralIntents(tx, all.flatMap((i) => i.examples));
    return summary;
  }, { timeout: 60_000 });
}
