import { parse } from 'yaml';
import { DeskbotError } from '../../core/errors.js';
import { readRasaExample } from './rasa-example-escape.js';
import { groupLabelledTexts, isOutOfScopeLabel, type ImportedCatalogue } from './intent-file.js';

/**
 * Read Rasa NLU training data (YAML, Rasa 2.x/3.x `nlu:` format): `- intent: NAME` with `examples: |` holding one
 * `- text` per line. Entity annotations are reduced to their text (`[Chrome](app)` → `Chrome`,
 * `[Leeds]{"entity": "city"}` → `Leeds`) unless deskbot's export escaped the brackets; `synonym`, `regex` and `lookup` items are skipped with a note.
 * Spec: https://rasa.com/docs/rasa/training-data-format/
 * @throws DeskbotError `bad_request` for YAML that does not parse or has no `nlu` list
 */
export function parseRasaNlu(content: string): ImportedCatalogue {
  let doc: unknown;
  try {
    doc = parse(content, { maxAliasCount: 100 });
  } catch (err) {
    throw new DeskbotError('bad_request', `The Rasa file is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const nlu = (doc as { nlu?: unknown } | null)?.nlu;
  if (!Array.isArray(nlu)) throw new DeskbotError('bad_request', 'The Rasa file has no "nlu:" list.');
  const rows: Array<{ text: string; intent: string }> = [];
  const skipped: string[] = [];
  const declared: string[] = [];
  for (const item of nlu as Array<Record<string, unknown>>) {
    const intent = item?.intent;
    if (typeof intent !== 'string') {
      const kind = Object.keys(item ?? {}).find((k) => ['synonym', 'regex', 'lookup'].includes(k)) ?? 'item';
      skipped.push(`${kind} "${String(item?.[kind] ?? '')}": only intents are imported`);
      continue;
    }
    declared.push(intent);
    const lines = exampleLines(item.examples);
    // Like LUIS's "no utterances": an intent without examples cannot be trained, and silence would hide it.
    if (!lines.length && !isOutOfScopeLabel(intent)) skipped.push(`intent "${intent}": no examples`);
    for (const text of lines) rows.push({ text, intent });
  }
  return groupLabelledTexts(rows, skipped, declared);
}

/** The `- text` lines of an `examples` block (a string), or a plain list (some tools write one). */
function exampleLines(examples: unknown): string[] {
  const lines = typeof examples === 'string' ? examples.split('\n') : Array.isArray(examples) ? examples.map(String) : [];
  return lines.map((l) => readRasaExample(l.trim().replace(/^-\s*/, ''))).filter(Boolean);
}
