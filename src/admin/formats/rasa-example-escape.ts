/**
 * Rasa reads `[text](entity)` and `[text]{json}` in an example as an entity annotation and trains on `text` alone,
 * and has no escape of its own. So that an export reads back as written, deskbot puts a `\` before `[`, `]` and `\`
 * in texts that hold a bracket, and its importer reads those escapes back. Texts without brackets are written
 * as they are, so ordinary files look ordinary. (Rasa itself would still see an annotation in such a line.)
 */
export function escapeRasaExample(text: string): string {
  return /[[\]]/.test(text) ? text.replace(/[\\[\]]/g, '\\$&') : text;
}

const escaped = /\\[[\]]/;
const placeholder = { '\\': '\uE000', '[': '\uE001', ']': '\uE002' } as const;

/**
 * One Rasa example line as deskbot stores it: entity annotations reduced to their text (`[Chrome](app)` → `Chrome`,
 * `[Leeds]{"entity": "city"}` → `Leeds`), except around brackets escaped by {@link escapeRasaExample}, which stay
 * literal. Escapes are read only in lines that escape a bracket, so `C:\\temp` in a hand-written file is left alone.
 */
export function readRasaExample(line: string): string {
  const hasEscapes = escaped.test(line);
  // Escaped characters stand aside as private-use placeholders while annotations are stripped.
  const shielded = hasEscapes ? line.replace(/\\([\\[\]])/g, (_m, c: keyof typeof placeholder) => placeholder[c]) : line;
  const stripped = shielded.replace(/\[([^\]]*)\](\([^)]*\)|\{[^}]*\})/g, '$1');
  return hasEscapes ? stripped.replace(/[\uE000-\uE002]/g, (c) => ({ '\uE000': '\\', '\uE001': '[', '\uE002': ']' })[c]!) : stripped;
}
