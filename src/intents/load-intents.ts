import type { Db } from '../db/client.js';
import type { IntentDefinition, IntentKind } from '../classification/types.js';

/** Name of the pseudo-intent whose examples teach the classifier what is out of scope. */
export const outOfScopeIntentName = 'out_of_scope';

const levels = new Set([1, 2, 3]);
const asLevel = (n: number): 1 | 2 | 3 => (levels.has(n) ? n : 3) as 1 | 2 | 3;

/**
 * Read the enabled intents and their examples from the database, in the shape the classifier trains on.
 * @param options.includeDisabled also the disabled intents, marked `enabled: false` (a deskbot JSON export of the draft
 *   must carry them, or restoring it with `mode=replace` would delete them)
 */
export async function loadIntents(db: Db, options: { includeDisabled?: boolean } = {}): Promise<{ intents: Array<IntentDefinition & { enabled?: false }>; outOfScopeExamples: string[] }> {
  const rows = await db.intent.findMany({ where: options.includeDisabled ? {} : { enabled: true }, include: { examples: { orderBy: { text: 'asc' } } }, orderBy: { name: 'asc' } });
  const intents: Array<IntentDefinition & { enabled?: false }> = [];
  let outOfScopeExamples: string[] = [];
  for (const row of rows) {
    const examples = row.examples.map((e) => e.text);
    if (row.name === outOfScopeIntentName) { outOfScopeExamples = examples; continue; }
    intents.push({
      name: row.name,
      kind: row.kind as IntentKind,
      description: row.description,
      defaultImpact: asLevel(row.defaultImpact),
      defaultUrgency: asLevel(row.defaultUrgency),
      askImpact: row.askImpact,
      assignmentGroup: row.assignmentGroup ?? undefined,
      agentOnly: row.agentOnly,
      articleSlugs: row.articleSlugs,
      ...(row.enabled ? {} : { enabled: false as const }),
      examples,
    });
  }
  return { intents, outOfScopeExamples };
}
