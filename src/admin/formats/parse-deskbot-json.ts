import { DeskbotError } from '../../core/errors.js';
import { modelSnapshotSchema } from '../../model-versions/model-snapshot.js';
import { groupLabelledTexts, intentNamePattern, isOutOfScopeLabel, normalIntentName, type ImportedCatalogue } from './intent-file.js';

/**
 * Read deskbot's own JSON (the shape of `prisma/seed/intents.json` and of exports): `{ intents: [{ name, kind,
 * description, defaultImpact, defaultUrgency, askImpact?, assignmentGroup?, agentOnly?, articleSlugs?, examples }],
 * outOfScopeExamples }`. Settings come along with the examples.
 * @throws DeskbotError `bad_request` naming the first field that does not match
 */
export function parseDeskbotJson(value: unknown): ImportedCatalogue {
  const parsed = modelSnapshotSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DeskbotError('bad_request', `The deskbot JSON file is invalid at ${issue?.path.join('.') || 'the top'}: ${issue?.message}`);
  }
  const rows = parsed.data.intents.flatMap((i) => i.examples.map((text) => ({ text, intent: i.name })));
  rows.push(...parsed.data.outOfScopeExamples.map((text) => ({ text, intent: 'out_of_scope' })));
  const grouped = groupLabelledTexts(rows, [], parsed.data.intents.map((i) => i.name));
  const settings = new Map(parsed.data.intents.map(({ examples: _examples, ...rest }) => [normalIntentName(rest.name), rest]));
  const kept = new Set(grouped.intents.map((i) => i.name));
  // An intent listed with no examples still carries settings worth importing, if its name is usable; out_of_scope has
  // none that count.
  const empty = parsed.data.intents.filter((i) => i.examples.length === 0 && !kept.has(normalIntentName(i.name)) && !isOutOfScopeLabel(i.name));
  for (const i of empty.filter((e) => !intentNamePattern.test(normalIntentName(e.name)))) grouped.skipped.push(`intent "${i.name}": not a usable intent name`);
  const usable = empty.map((i) => normalIntentName(i.name)).filter((name) => intentNamePattern.test(name)).map((name) => ({ name, examples: [] as string[] }));
  return { ...grouped, intents: [...grouped.intents, ...usable].map((i) => ({ ...settings.get(i.name), ...i })) };
}
