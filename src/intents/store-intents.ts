import type { Db } from '../db/client.js';
import type { IntentDefinition } from '../classification/types.js';
import { outOfScopeIntentName } from './load-intents.js';
import { normalExampleText } from './example-text.js';

/**
 * Write intent definitions into the database (create or replace by name, examples included).
 * Out-of-scope examples are kept as a disabled-kind pseudo-intent named `out_of_scope`. Names and texts are stored in
 * Unicode NFC, texts whitespace-collapsed, as the admin API and imports store them; a text the intent holds already in
 * any case is skipped.
 */
export async function storeIntents(db: Db, intents: IntentDefinition[], outOfScopeExamples: string[] = []): Promise<number> {
  const all = [...intents];
  if (outOfScopeExamples.length) {
    all.push({ name: outOfScopeIntentName, kind: 'question', description: 'Messages the service desk does not handle', defaultImpact: 3, defaultUrgency: 3, examples: outOfScopeExamples });
  }
  for (const def of all) {
    const data = {
      kind: def.kind,
      description: def.description,
      defaultImpact: def.defaultImpact,
      defaultUrgency: def.defaultUrgency,
      askImpact: def.askImpact ?? true,
      assignmentGroup: def.assignmentGroup ?? null,
      agentOnly: def.agentOnly ?? false,
      articleSlugs: def.articleSlugs ?? [],
    };
    const name = def.name.normalize('NFC');
    const intent = await db.intent.upsert({ where: { name }, create: { name, ...data }, update: data });
    await db.intentExample.deleteMany({ where: { intentId: intent.id } });
    const texts = [...new Set(def.examples.map(normalExampleText).filter(Boolean))];
    await db.intentExample.createMany({ data: texts.map((text) => ({ intentId: intent.id, text })), skipDuplicates: true });
  }
  return all.length;
}
