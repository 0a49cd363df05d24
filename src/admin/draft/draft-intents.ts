import type { Db, PrismaClient } from '../../db/client.js';
import type { IntentKind } from '../../classification/types.js';
import { DeskbotError } from '../../core/errors.js';
import { outOfScopeIntentName } from '../../intents/load-intents.js';
import { AdminError } from '../admin-error.js';
import { refuseMissingOrChanged } from '../refuse-missing-or-changed.js';
import { unknownArticleSlugs, unlinkIntentsFromArticles } from './intent-article-links.js';
import { exampleTextsByKey, insertExampleRows, newExampleTexts } from './example-texts.js';
import { examplesUnderOtherIntents, type SharedExample } from './shared-examples.js';
import { normalExampleText } from '../../intents/example-text.js';

/** An intent's settings as admins edit them (examples are edited apart). */
export interface IntentSettings {
  kind: IntentKind;
  description: string;
  defaultImpact: 1 | 2 | 3;
  defaultUrgency: 1 | 2 | 3;
  /** Incidents: ask how badly it affects work when the words do not say; false applies the defaults without asking. */
  askImpact: boolean;
  assignmentGroup: string | null;
  agentOnly: boolean;
  articleSlugs: string[];
  /** A disabled intent stays in the draft but is left out of training and publishing. */
  enabled: boolean;
}

/** A draft intent as listed: its settings, how many examples it has, and its version (`updatedAt`, for If-Match). */
export type DraftIntentSummary = IntentSettings & { name: string; exampleCount: number; outOfScope: boolean; version: string };

const defaults: IntentSettings = { kind: 'question', description: '', defaultImpact: 3, defaultUrgency: 3, askImpact: true, assignmentGroup: null, agentOnly: false, articleSlugs: [], enabled: true };

/** Every intent of the draft (disabled ones too), by name, with example counts. The out-of-scope pseudo-intent is flagged. */
export async function listDraftIntents(db: Db): Promise<DraftIntentSummary[]> {
  const rows = await db.intent.findMany({ orderBy: { name: 'asc' }, include: { _count: { select: { examples: true } } } });
  return rows.map((r) => ({ ...settingsOf(r), name: r.name, exampleCount: r._count.examples, outOfScope: r.name === outOfScopeIntentName, version: r.updatedAt.toISOString() }));
}

/**
 * One draft intent with its examples (`id`, `text`, alphabetical).
 * @throws DeskbotError `not_found`
 */
export async function getDraftIntent(db: Db, name: string): Promise<DraftIntentSummary & { examples: Array<{ id: string; text: string }> }> {
  const row = await db.intent.findUnique({ where: { name }, include: { examples: { orderBy: { text: 'asc' }, select: { id: true, text: true } } } });
  if (!row) throw new DeskbotError('not_found', `No intent named "${name}".`);
  return {
    ...settingsOf(row), name: row.name, exampleCount: row.examples.length, outOfScope: row.name === outOfScopeIntentName, version: row.updatedAt.toISOString(), examples: row.examples,
  };
}

/**
 * Add an intent to the draft.
 * @returns the examples given that other intents hold too (see {@link addDraftExamples})
 * @throws AdminError `conflict` when the name is taken, also in another case (`Coffee_Machine` beside
 *   `coffee_machine` would split one request type in two); DeskbotError `bad_request` for unknown article slugs,
 *   and for `out_of_scope` with any setting but a description (it is made by adding its examples)
 */
export async function createDraftIntent(prisma: PrismaClient, name: string, settings: Partial<IntentSettings>, examples: string[] = []): Promise<SharedExample[]> {
  if (name === outOfScopeIntentName) refuseOutOfScopeSettings(settings);
  await refuseTakenName(prisma, name);
  return prisma.$transaction(async (tx) => {
    await checkArticles(tx, settings.articleSlugs);
    const row = await tx.intent.create({ data: { name, ...defaults, ...settings } });
    await insertExamples(tx, row.id, examples);
    return examplesUnderOtherIntents(tx, row.id, examples.map(normalExampleText));
  });
}

/**
 * Change some settings of a draft intent; with `expected`, only if the intent is still at that version (its
 * `updatedAt`), checked in the same statement as the change.
 * @throws DeskbotError `not_found`, or `bad_request` for unknown article slugs or a setting of `out_of_scope` other
 *   than its description; AdminError `changed` (412) when someone changed it since `expected`
 */
export async function updateDraftIntent(prisma: PrismaClient, name: string, patch: Partial<IntentSettings>, expected?: Date): Promise<void> {
  if (name === outOfScopeIntentName) refuseOutOfScopeSettings(patch);
  await prisma.$transaction(async (tx) => {
    await checkArticles(tx, patch.articleSlugs);
    const { count } = await tx.intent.updateMany({ where: { name, ...(expected ? { updatedAt: expected } : {}) }, data: { ...patch, updatedAt: new Date() } });
    if (count === 0) await refuseMissingOrChanged(intentRecord(tx, name));
  });
}

/**
 * Remove an intent and its examples from the draft, and its name from every article's `intents`, in one
 * transaction; with `expected`, only if it is still at that version.
 * @returns the slugs of the articles that linked to it (they changed, and are live: re-index)
 * @throws DeskbotError `not_found`, or `bad_request` for the out-of-scope pseudo-intent (triage needs it; its
 *   examples can be deleted one by one); AdminError `changed` (412) when someone changed it since `expected`
 */
export async function deleteDraftIntent(prisma: PrismaClient, name: string, expected?: Date): Promise<string[]> {
  if (name === outOfScopeIntentName) {
    throw new DeskbotError('bad_request', `"${outOfScopeIntentName}" holds the examples of messages the service desk does not handle and cannot be deleted; delete its examples instead.`);
  }
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.intent.deleteMany({ where: { name, ...(expected ? { updatedAt: expected } : {}) } });
    if (count === 0) await refuseMissingOrChanged(intentRecord(tx, name));
    return unlinkIntentsFromArticles(tx, [name]);
  });
}

/**
 * `out_of_scope` is no request type: training reads only its examples, and only while it is enabled. Refuse the
 * settings that would do nothing (kind, impact, urgency, askImpact, group, agent-only, articles) or drop every
 * out-of-scope example from the model (`enabled`), rather than store an edit the admin believes has an effect.
 * @throws DeskbotError `bad_request` naming the refused settings
 */
function refuseOutOfScopeSettings(settings: Partial<IntentSettings>): void {
  const refused = Object.keys(settings).filter((k) => k !== 'description' && settings[k as keyof IntentSettings] !== undefined);
  if (!refused.length) return;
  const why = refused.includes('enabled')
    ? 'disabling it would leave every out-of-scope example out of the model, so off-topic messages would be forced onto a real intent'
    : 'it is not a request type: the classifier uses only its examples, never a kind, impact, urgency, impact question, assignment group, agent-only flag or articles';
  throw new DeskbotError('bad_request', `"${outOfScopeIntentName}" cannot have ${refused.map((r) => `"${r}"`).join(', ')} set: ${why}. Only its description and examples can be changed.`);
}

/** The draft intent a conditional edit missed, for {@link refuseMissingOrChanged}. */
const intentRecord = (db: Db, name: string) => ({
  name: `Intent "${name}"`,
  notFound: `No intent named "${name}".`,
  current: () => db.intent.findUnique({ where: { name }, select: { updatedAt: true } }),
});

/**
 * Add example texts to a draft intent (NFC, whitespace collapsed; texts it has already, in any case, are skipped). The
 * out-of-scope pseudo-intent is created on first use.
 * @returns `added`: how many were new; `sharedWithOtherIntents`: the given texts other intents hold too (reported,
 *   not refused: see shared-examples.ts)
 * @throws DeskbotError `not_found` for an unknown intent
 */
export async function addDraftExamples(db: Db, name: string, texts: string[]): Promise<{ added: number; sharedWithOtherIntents: SharedExample[] }> {
  let row = await db.intent.findUnique({ where: { name }, select: { id: true } });
  if (!row && name === outOfScopeIntentName) row = await db.intent.create({ data: { name, ...defaults, description: 'Messages the service desk does not handle' }, select: { id: true } });
  if (!row) throw new DeskbotError('not_found', `No intent named "${name}".`);
  const added = await insertExamples(db, row.id, texts);
  return { added, sharedWithOtherIntents: await examplesUnderOtherIntents(db, row.id, texts.map(normalExampleText)) };
}

/** Remove one example. @throws DeskbotError `not_found` when the intent has no such example */
export async function deleteDraftExample(db: Db, name: string, exampleId: string): Promise<void> {
  const { count } = await db.intentExample.deleteMany({ where: { id: exampleId, intent: { name } } });
  if (count === 0) throw new DeskbotError('not_found', `Intent "${name}" has no example ${exampleId}.`);
}

/**
 * Insert texts as examples of an intent id, as an import does (example-texts.ts): NFC, whitespace collapsed, skipping the
 * ones it holds already in any case.
 * @returns how many were new
 */
async function insertExamples(db: Db, intentId: string, texts: string[]): Promise<number> {
  const held = await db.intentExample.findMany({ where: { intentId }, select: { text: true } });
  const fresh = newExampleTexts(exampleTextsByKey(texts), held.map((e) => e.text));
  return insertExampleRows(db, fresh.map((text) => ({ intentId, text })));
}

/**
 * Refuse a new intent name the draft has already, in any case.
 * @throws AdminError `conflict` naming the existing intent
 */
export async function refuseTakenName(db: Db, name: string): Promise<void> {
  const taken = await db.intent.findFirst({ where: { name: { equals: name, mode: 'insensitive' } }, select: { name: true } });
  if (!taken) return;
  if (taken.name === name) throw new AdminError('conflict', `An intent named "${name}" exists already.`);
  throw new AdminError('conflict', `An intent named "${taken.name}" exists already; names differing only in case are not allowed.`);
}

/** Refuse unknown article slugs; the articles found stay locked until the caller's transaction ends (see unknownArticleSlugs). */
async function checkArticles(db: Db, slugs: string[] | undefined): Promise<void> {
  const missing = await unknownArticleSlugs(db, slugs ?? []);
  if (missing.length) throw new DeskbotError('bad_request', `No knowledge article with slug ${missing.map((m) => `"${m}"`).join(', ')}.`);
}

function settingsOf(row: { kind: string; description: string; defaultImpact: number; defaultUrgency: number; askImpact: boolean; assignmentGroup: string | null; agentOnly: boolean; articleSlugs: string[]; enabled: boolean }): IntentSettings {
  return {
    kind: row.kind as IntentKind, description: row.description, defaultImpact: row.defaultImpact as 1 | 2 | 3, defaultUrgency: row.defaultUrgency as 1 | 2 | 3, askImpact: row.askImpact,
    assignmentGroup: row.assignmentGroup, agentOnly: row.agentOnly, articleSlugs: row.articleSlugs, enabled: row.enabled,
  };
}
