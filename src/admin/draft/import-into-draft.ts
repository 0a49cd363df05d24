import type { PrismaClient } from '../../db/client.js';
import { DeskbotError } from '../../core/errors.js';
import type { IntentKind } from '../../classification/types.js';
import { outOfScopeIntentName } from '../../intents/load-intents.js';
import type { ImportedCatalogue, ImportedIntent, IntentRename } from '../formats/intent-file.js';
import { unknownArticleSlugs, unlinkIntentsFromArticles } from './intent-article-links.js';
import { insertExampleRows } from './example-texts.js';
import { planImport, type DraftIntentRow } from './plan-import.js';
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
  /** Intents the draft had whose settings or examples the import changed (not every intent the file names). */
  intentsUpdated: string[];
  /** How many intents the file names that the draft already had exactly so. */
  intentsUnchanged: number;
  intentsRemoved: string[];
  /** Names spelled differently in the file than stored (`"has space"` → `has_space`, `printer_jam` → `Printer_Jam`). */
  intentsRenamed: IntentRename[];
  examplesAdded: number;
  /** Examples deleted, those of removed intents included. */
  examplesRemoved: number;
  /** Articles whose `intents` lost an intent the import removed (replace mode). */
  articlesUnlinked: string[];
  /** Texts of the file that two or more draft intents now hold (ignoring case; at most 100): reported, not refused. */
  sharedExamples: SharedExample[];
}

/** Rows written per statement: big enough that the per-statement cost is small, small enough to yield often. */
export const importChunkRows = 2000;

/**
 * Apply an imported catalogue to the draft in one transaction: nothing is half-imported. The changes are worked out
 * in memory first, then written set by set (examples in chunks of {@link importChunkRows}, yielding to the event loop
 * between chunks) instead of a few queries per intent.
 * Settings in the file (deskbot JSON) overwrite the draft's; other formats only bring examples.
 * Intents removed in replace mode leave the articles that named them, in the same transaction. In merge mode an
 * intent the file spells in another case than the draft (`printer_jam`, draft `Printer_Jam`) goes into the draft's
 * intent, keeping its spelling, and is listed in `intentsRenamed` (see planImport).
 * @throws DeskbotError `bad_request` when an intent links to an article that does not exist (as `POST /intents`
 *   refuses it)
 */
export async function importIntoDraft(prisma: PrismaClient, catalogue: ImportedCatalogue, options: ImportOptions): Promise<ImportSummary> {
  const all: ImportedIntent[] = [...catalogue.intents];
  if (catalogue.outOfScopeExamples.length || options.mode === 'replace') all.push({ name: outOfScopeIntentName, examples: catalogue.outOfScopeExamples, description: 'Messages the service desk does not handle' });
  return prisma.$transaction(async (tx) => {
    const missing = await unknownArticleSlugs(tx, [...new Set(all.flatMap((i) => i.articleSlugs ?? []))]);
    if (missing.length) {
      const intent = all.find((i) => i.articleSlugs?.some((slug) => missing.includes(slug)))!;
      throw new DeskbotError('bad_request', `Intent "${intent.name}" links to no knowledge article with slug ${missing.filter((m) => intent.articleSlugs!.includes(m)).map((m) => `"${m}"`).join(', ')}: create the article first, or remove the slug from the file.`);
    }
    const draft: DraftIntentRow[] = await tx.intent.findMany({
      select: { id: true, name: true, kind: true, description: true, defaultImpact: true, defaultUrgency: true, askImpact: true, assignmentGroup: true, agentOnly: true, articleSlugs: true, enabled: true },
    });
    const named = new Set(all.map((i) => i.name.toLowerCase()));
    const examples = await tx.intentExample.findMany({ where: { intentId: { in: draft.filter((d) => named.has(d.name.toLowerCase())).map((d) => d.id) } }, select: { id: true, intentId: true, text: true } });
    const plan = planImport(draft, examples, all, options.mode);

    let examplesRemoved = 0;
    let articlesUnlinked: string[] = [];
    if (plan.removeIntentIds.length) {
      examplesRemoved += await tx.intentExample.count({ where: { intentId: { in: plan.removeIntentIds } } });
      await tx.intent.deleteMany({ where: { id: { in: plan.removeIntentIds } } });
      articlesUnlinked = await unlinkIntentsFromArticles(tx, plan.removeIntentNames);
    }
    const created = plan.create.length
      ? await tx.intent.createManyAndReturn({ data: plan.create.map(({ name, settings }) => ({ name, kind: options.defaultKind, ...settings })), select: { id: true, name: true } })
      : [];
    const idOf = new Map([...draft.map((d) => [d.name, d.id] as const), ...created.map((c) => [c.name, c.id] as const)]);
    for (const { name, settings } of plan.update) await tx.intent.update({ where: { name }, data: settings, select: { id: true } });
    for (const ids of chunks(plan.removeExampleIds)) {
      examplesRemoved += (await tx.intentExample.deleteMany({ where: { id: { in: ids } } })).count;
      await yieldToEventLoop();
    }
    let examplesAdded = 0;
    for (const rows of chunks(plan.add)) {
      examplesAdded += await insertExampleRows(tx, rows.map((r) => ({ intentId: idOf.get(r.name)!, text: r.text })));
      await yieldToEventLoop();
    }
    return {
      intentsCreated: plan.create.map((c) => c.name), intentsUpdated: plan.changed, intentsUnchanged: plan.unchanged, intentsRemoved: plan.removeIntentNames,
      intentsRenamed: withMerged(catalogue.renamed, plan.merged), examplesAdded, examplesRemoved, articlesUnlinked,
      sharedExamples: await examplesUnderSeveralIntents(tx, all.flatMap((i) => i.examples)),
    };
  }, { timeout: 60_000 });
}

/**
 * The file's renames followed by the merges into a draft spelling: `"printer jam"` → `printer_jam` merged into
 * `Printer_Jam` is reported once, as `"printer jam"` → `Printer_Jam`.
 */
function withMerged(renamed: IntentRename[], merged: IntentRename[]): IntentRename[] {
  const mergedTo = new Map(merged.map((m) => [m.from, m.to]));
  const out = renamed.map((r) => ({ from: r.from, to: mergedTo.get(r.to) ?? r.to }));
  const renamedTo = new Set(renamed.map((r) => r.to));
  return [...out, ...merged.filter((m) => !renamedTo.has(m.from))];
}

function chunks<T>(items: T[], size = importChunkRows): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Let timers and I/O callbacks (other requests) run between chunks; on the embedded database they still wait for its one connection. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
