import type { IntentDefinition } from '../../classification/types.js';

/** The intent file formats deskbot reads and writes. */
export const intentFileFormats = ['deskbot', 'csv', 'rasa', 'luis'] as const;
export type IntentFileFormat = (typeof intentFileFormats)[number];

/** One intent read from a file: always a name and examples; deskbot's own JSON also carries the settings. */
export type ImportedIntent = Partial<Omit<IntentDefinition, 'name' | 'examples'>> & { name: string; examples: string[] };

/** What an intent file holds, whatever its format. */
export interface ImportedCatalogue {
  intents: ImportedIntent[];
  outOfScopeExamples: string[];
  /** Parts of the file that were not used, each with the reason (e.g. a Rasa `synonym` block). */
  skipped: string[];
}

/** Labels that mean "out of scope" in the formats deskbot reads: its own and Rasa's `out_of_scope`, LUIS's `None`. */
const outOfScopeLabels = new Set(['out_of_scope', 'none']);

/** Longest example text accepted, in characters (longer lines are skipped, not cut). */
export const maxExampleChars = 500;

/** Intent names: letters, digits, `_`, `.`, `-`; spaces become `_` (LUIS allows them, the API does not). */
export const intentNamePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;

/**
 * Collect labelled texts into a catalogue: group by intent (first-seen order), drop blank and duplicate texts,
 * route out-of-scope labels to `outOfScopeExamples`, and skip unusable names and overlong texts with a reason.
 */
export function groupLabelledTexts(rows: Array<{ text: string; intent: string }>, skipped: string[] = []): ImportedCatalogue {
  const byName = new Map<string, Set<string>>();
  const outOfScope = new Set<string>();
  for (const row of rows) {
    const text = row.text.replace(/\s+/g, ' ').trim();
    const name = row.intent.trim().replace(/\s+/g, '_');
    if (!text) continue;
    if (text.length > maxExampleChars) { skipped.push(`"${text.slice(0, 40)}…": longer than ${maxExampleChars} characters`); continue; }
    if (outOfScopeLabels.has(name.toLowerCase())) { outOfScope.add(text); continue; }
    if (!intentNamePattern.test(name)) { skipped.push(`intent "${row.intent}": not a usable intent name`); continue; }
    byName.set(name, (byName.get(name) ?? new Set()).add(text));
  }
  return {
    intents: [...byName].map(([name, texts]) => ({ name, examples: [...texts] })),
    outOfScopeExamples: [...outOfScope],
    skipped: [...new Set(skipped)],
  };
}

/** Is this label the out-of-scope pseudo-intent? */
export function isOutOfScopeLabel(name: string): boolean {
  return outOfScopeLabels.has(name.trim().toLowerCase());
}
