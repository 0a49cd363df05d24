import type { ImportedIntent } from '../formats/intent-file.js';
import { exampleTextsByKey, newExampleTexts } from './example-texts.js';

/** A draft intent as the import compares it: id, name and settings. */
export interface DraftIntentRow {
  id: string;
  name: string;
  kind: string;
  description: string;
  defaultImpact: number;
  defaultUrgency: number;
  askImpact: boolean;
  assignmentGroup: string | null;
  agentOnly: boolean;
  articleSlugs: string[];
  enabled: boolean;
}

type Settings = Omit<ImportedIntent, 'name' | 'examples'>;

/** What an import will write, worked out before writing anything. */
export interface ImportPlan {
  /** Draft intents the file does not name (replace mode only). */
  removeIntentIds: string[];
  removeIntentNames: string[];
  create: Array<{ name: string; settings: Settings }>;
  /** Draft intents whose settings the file changes. */
  update: Array<{ name: string; settings: Settings }>;
  /** Examples of kept intents that the file no longer has (replace mode only). */
  removeExampleIds: string[];
  /** New examples, by intent name. */
  add: Array<{ name: string; text: string }>;
  /** Kept intents whose settings or examples change. */
  changed: string[];
  /** Kept intents the file names that stay exactly as they are. */
  unchanged: number;
  /** File names that differ only in case from the draft intent they were merged into (merge mode only). */
  merged: Array<{ from: string; to: string }>;
}

/**
 * Compare the file with the draft. Example texts are compared as examples added one by one are (example-texts.ts):
 * as they are stored (NFC, whitespace collapsed) and ignoring case. In merge mode a file name that differs only in
 * case from a draft intent (`printer_jam` beside `Printer_Jam`) is that intent, as names are unique ignoring case:
 * its examples and settings go there and the draft's spelling stays. Replace mode matches names exactly, as before:
 * the draft intent not named so is removed and the file's spelling created.
 * @param examples the current examples of the draft intents the file names (in any case)
 */
export function planImport(draft: DraftIntentRow[], examples: Array<{ id: string; intentId: string; text: string }>, file: ImportedIntent[], mode: 'merge' | 'replace'): ImportPlan {
  const fileNames = new Set(file.map((i) => i.name));
  const gone = mode === 'replace' ? draft.filter((d) => !fileNames.has(d.name)) : [];
  const kept = mode === 'replace' ? draft.filter((d) => fileNames.has(d.name)) : draft;
  const keptByName = new Map(kept.map((d) => [d.name, d]));
  const keptByLower = new Map(kept.map((d) => [d.name.toLowerCase(), d]));
  const examplesOf = new Map<string, Array<{ id: string; text: string }>>();
  for (const e of examples) {
    const list = examplesOf.get(e.intentId);
    if (list) list.push(e); else examplesOf.set(e.intentId, [e]);
  }
  const plan: ImportPlan = { removeIntentIds: gone.map((g) => g.id), removeIntentNames: gone.map((g) => g.name), create: [], update: [], removeExampleIds: [], add: [], changed: [], unchanged: 0, merged: [] };
  for (const { name: fileName, examples: texts, ...settings } of file) {
    const wanted = exampleTextsByKey(texts);
    // Replace mode keeps only exact names, so a case variant is never among `kept` there.
    const row = keptByName.get(fileName) ?? keptByLower.get(fileName.toLowerCase());
    const name = row?.name ?? fileName;
    if (name !== fileName) plan.merged.push({ from: fileName, to: name });
    if (!row) {
      plan.create.push({ name, settings });
      for (const text of wanted.values()) plan.add.push({ name, text });
      continue;
    }
    const have = examplesOf.get(row.id) ?? [];
    const added = newExampleTexts(wanted, have.map((e) => e.text));
    const removed = mode === 'replace' ? have.filter((e) => !wanted.has(e.text.toLowerCase())) : [];
    const settingsChange = changedSettings(row, settings);
    if (settingsChange) plan.update.push({ name, settings: settingsChange });
    for (const text of added) plan.add.push({ name, text });
    plan.removeExampleIds.push(...removed.map((e) => e.id));
    if (settingsChange || added.length || removed.length) plan.changed.push(name);
    else plan.unchanged += 1;
  }
  return plan;
}

/** The settings the file gives that differ from the row's, or null when none does. */
function changedSettings(row: DraftIntentRow, settings: Settings): Settings | null {
  const differ = Object.entries(settings).filter(([key, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify(row[key as keyof DraftIntentRow]));
  return differ.length ? Object.fromEntries(differ) as Settings : null;
}
