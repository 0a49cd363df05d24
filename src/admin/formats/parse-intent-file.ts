import { DeskbotError } from '../../core/errors.js';
import type { ImportedCatalogue, IntentFileFormat } from './intent-file.js';
import { parseDeskbotJson } from './parse-deskbot-json.js';
import { parseIntentCsv } from './parse-csv.js';
import { parseLuisJson } from './parse-luis-json.js';
import { parseRasaNlu } from './parse-rasa-nlu.js';

/**
 * Tell the format from the content: JSON with `utterances` is LUIS, other JSON is deskbot's; YAML with an `nlu:` key
 * is Rasa; anything else is CSV.
 */
export function detectIntentFileFormat(content: string): IntentFileFormat {
  const start = content.trimStart();
  if (start.startsWith('{')) return /"utterances"\s*:/.test(content) ? 'luis' : 'deskbot';
  if (/^nlu\s*:/m.test(content)) return 'rasa';
  return 'csv';
}

/**
 * Parse an intent file of any supported format.
 * @param format one of deskbot, csv, rasa, luis; `auto` (default) detects it
 * @throws DeskbotError `bad_request` when the content does not parse as that format, or holds no example at all
 */
export function parseIntentFile(content: string, format: IntentFileFormat | 'auto' = 'auto'): ImportedCatalogue & { format: IntentFileFormat } {
  const chosen = format === 'auto' ? detectIntentFileFormat(content) : format;
  const catalogue = chosen === 'rasa' ? parseRasaNlu(content) : chosen === 'csv' ? parseIntentCsv(content) : parseJson(content, chosen);
  if (!catalogue.intents.length && !catalogue.outOfScopeExamples.length) {
    // When everything was skipped, the reasons are the useful answer, not "no examples".
    const why = catalogue.skipped.length ? ` Skipped: ${catalogue.skipped.slice(0, 5).join('; ')}.` : '';
    throw new DeskbotError('bad_request', `The ${chosen} file holds no usable examples.${why}`);
  }
  return { ...catalogue, format: chosen };
}

function parseJson(content: string, format: 'deskbot' | 'luis'): ImportedCatalogue {
  let value: unknown;
  try {
    value = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new DeskbotError('bad_request', `The ${format} file is not valid JSON: ${(err as Error).message}`);
  }
  return format === 'luis' ? parseLuisJson(value) : parseDeskbotJson(value);
}
