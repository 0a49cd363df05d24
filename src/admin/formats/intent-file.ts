import type { IntentDefinition } from '../../classification/types.js';
import { DeskbotError } from '../../core/errors.js';
import { collapseWhitespace } from '../../core/collapse-whitespace.js';
import { normalExampleText } from '../../intents/example-text.js';

/** The intent file formats deskbot reads and writes. */
export const intentFileFormats = ['deskbot', 'csv', 'rasa', 'luis'] as const;
export type IntentFileFormat = (typeof intentFileFormats)[number];

/** One intent read from a file: always a name and examples; deskbot's own JSON also carries the settings. */
export type ImportedIntent = Partial<Omit<IntentDefinition, 'name' | 'examples'>> & { name: string; examples: string[]; enabled?: boolean };

/** What an intent file holds, whatever its format. */
export interface ImportedCatalogue {
  intents: ImportedIntent[];
  outOfScopeExamples: string[];
  /** Parts of the file that were not used, each with the reason (e.g. a Rasa `synonym` block). */
  skipped: string[];
  /** Intent names the file spells differently from how deskbot stores them (`"has space"` → `has_space`). */
  renamed: IntentRename[];
}

/** An intent name changed on import: `from` as the file has it, `to` as stored. */
export interface IntentRename { from: string; to: string }

/** Labels that mean "out of scope" in the formats deskbot reads: its own and Rasa's `out_of_scope`, LUIS's `None`. */
const outOfScopeLabels = new Set(['out_of_scope', 'none']);

/** Longest example text accepted, in characters (longer lines are skipped, not cut). */
export const maxExampleChars = 500;

/**
 * Intent names, in the API and in files alike: 1–80 characters, letters and digits of any script (`café_problème`,
 * `日本語`), `_`, `.` and `-`, starting with a letter or digit. Files may also use spaces: an import turns each run
 * of whitespace into `_` and reports the rename (LUIS allows spaces, the API and URLs do not). Names are stored in
 * Unicode NFC, so the same accent typed two ways is one intent.
 */
export const intentNamePattern = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}_.-]{0,79}$/u;

/**
 * Collect labelled texts into a catalogue: group by intent (first-seen order), texts in the form deskbot stores
 * (NFC, whitespace collapsed: normalExampleText), drop blank and duplicate texts,
 * route out-of-scope labels to `outOfScopeExamples`, and skip unusable names and overlong texts with a reason.
 * Every format comes through here, so the file-wide name rules are checked here too.
 * @param declared the intent names the file declares one by one (deskbot and LUIS `intents`, Rasa `- intent:`
 *   items); CSV has none, its rows name intents as often as they like
 * @throws DeskbotError `bad_request` when the file declares an intent twice, or names two intents that differ only
 *   in case (merging them silently would hide a mistake in the file)
 */
export function groupLabelledTexts(rows: Array<{ text: string; intent: string }>, skipped: string[] = [], declared: string[] = []): ImportedCatalogue {
  refuseDeclaredTwice(declared);
  const byName = new Map<string, Set<string>>();
  const outOfScope = new Set<string>();
  const renamed = new Map<string, string>();
  for (const row of rows) {
    const text = normalExampleText(row.text);
    const name = normalIntentName(row.intent);
    // Only a change the admin can see is a rename: a name that differs in Unicode form alone ("e" + accent) is the same.
    if (name !== row.intent.trim().normalize('NFC') && intentNamePattern.test(name)) renamed.set(row.intent.trim(), name);
    if (!text) continue;
    if (text.length > maxExampleChars) { skipped.push(`"${text.slice(0, 40)}…": longer than ${maxExampleChars} characters`); continue; }
    if (outOfScopeLabels.has(name.toLowerCase())) { outOfScope.add(text); continue; }
    if (!intentNamePattern.test(name)) { skipped.push(`intent "${row.intent}": not a usable intent name`); continue; }
    byName.set(name, (byName.get(name) ?? new Set()).add(text));
  }
  refuseCaseVariants([...byName.keys()]);
  return {
    intents: [...byName].map(([name, texts]) => ({ name, examples: [...texts] })),
    outOfScopeExamples: [...outOfScope],
    skipped: [...new Set(skipped)],
    renamed: [...renamed].filter(([, to]) => byName.has(to)).map(([from, to]) => ({ from, to })),
  };
}

/** Is this label the out-of-scope pseudo-intent? */
export function isOutOfScopeLabel(name: string): boolean {
  return outOfScopeLabels.has(name.trim().toLowerCase());
}

/** An intent name as deskbot stores it: trimmed, NFC, inner whitespace as `_` (LUIS allows spaces, the API does not). */
export function normalIntentName(name: string): string {
  return collapseWhitespace(name.normalize('NFC'), '_');
}

function refuseDeclaredTwice(declared: string[]): void {
  const seen = new Set<string>();
  for (const name of declared.map(normalIntentName)) {
    const key = name.toLowerCase();
    if (seen.has(key)) throw new DeskbotError('bad_request', `The file names intent "${name}" twice: put all its examples under one entry.`);
    seen.add(key);
  }
}

function refuseCaseVariants(names: string[]): void {
  const byKey = new Map<string, string>();
  for (const name of names) {
    const other = byKey.get(name.toLowerCase());
    if (other) throw new DeskbotError('bad_request', `The file names intents "${other}" and "${name}", which differ only in case: use one spelling.`);
    byKey.set(name.toLowerCase(), name);
  }
}
