import { Document, Scalar } from 'yaml';
import type { ModelSnapshot } from '../../model-versions/model-snapshot.js';
import type { IntentFileFormat } from './intent-file.js';
import { escapeRasaExample } from './rasa-example-escape.js';

/** An exported file: its text, media type and a file name to offer. */
export interface ExportedFile {
  content: string;
  contentType: string;
  fileName: string;
}

/**
 * Write a catalogue in one of the formats {@link parseIntentFile} reads back: deskbot JSON (settings included), CSV
 * `text,intent`, Rasa NLU YAML 3.1, or a LUIS app JSON. Out-of-scope examples are `out_of_scope` (`None` in LUIS).
 * @param name used in the file name (e.g. `draft`, `v3`)
 */
export function exportIntentFile(snapshot: ModelSnapshot, format: IntentFileFormat, name: string): ExportedFile {
  const base = `deskbot-intents-${name}`;
  switch (format) {
    case 'deskbot': return { content: `${JSON.stringify(snapshot, null, 2)}\n`, contentType: 'application/json', fileName: `${base}.json` };
    case 'csv': return { content: toCsv(snapshot), contentType: 'text/csv; charset=utf-8', fileName: `${base}.csv` };
    case 'rasa': return { content: toRasa(snapshot), contentType: 'application/yaml', fileName: `${base}.yml` };
    case 'luis': return { content: `${JSON.stringify(toLuis(snapshot, name), null, 2)}\n`, contentType: 'application/json', fileName: `${base}.luis.json` };
  }
}

function labelled(snapshot: ModelSnapshot, outOfScopeName: string): Array<[string, string[]]> {
  const rows: Array<[string, string[]]> = snapshot.intents.map((i) => [i.name, i.examples]);
  if (snapshot.outOfScopeExamples.length) rows.push([outOfScopeName, snapshot.outOfScopeExamples]);
  return rows;
}

/**
 * RFC 4180 quoting, and a `'` before a leading `=`, `+`, `-`, `@` (OWASP CSV injection advice): employees wrote
 * these texts. A text that starts with `'` and then one of those gets one more `'`, so the import, which removes one,
 * reads back what was written.
 */
function csvCell(value: string): string {
  const safe = /^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function toCsv(snapshot: ModelSnapshot): string {
  const lines = ['text,intent'];
  for (const [intent, texts] of labelled(snapshot, 'out_of_scope')) for (const text of texts) lines.push(`${csvCell(text)},${csvCell(intent)}`);
  return `${lines.join('\r\n')}\r\n`;
}

function toRasa(snapshot: ModelSnapshot): string {
  const nlu = labelled(snapshot, 'out_of_scope').map(([intent, texts]) => {
    const examples = new Scalar(texts.map((t) => `- ${escapeRasaExample(t)}\n`).join(''));
    examples.type = Scalar.BLOCK_LITERAL;
    return { intent, examples };
  });
  return new Document({ version: '3.1', nlu }).toString({ lineWidth: 0 });
}

function toLuis(snapshot: ModelSnapshot, name: string): object {
  const rows = labelled(snapshot, 'None');
  return {
    luis_schema_version: '7.0.0',
    versionId: name,
    name: 'deskbot',
    desc: 'Intents exported from deskbot',
    culture: 'en-us',
    intents: [...new Set([...rows.map(([intent]) => intent), 'None'])].map((n) => ({ name: n })),
    entities: [],
    utterances: rows.flatMap(([intent, texts]) => texts.map((text) => ({ text, intent, entities: [] }))),
  };
}
