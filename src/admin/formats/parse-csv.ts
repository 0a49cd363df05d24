import { parse } from 'csv-parse/sync';
import { DeskbotError } from '../../core/errors.js';
import { groupLabelledTexts, type ImportedCatalogue } from './intent-file.js';

/**
 * Read CSV (RFC 4180) with a `text,intent` header (columns in any order; others ignored). A leading `'` that
 * deskbot's export puts before `=`, `+`, `-` or `@` (so spreadsheets do not run the cell as a formula) is removed.
 * @throws DeskbotError `bad_request` for CSV that does not parse or lacks the `text` and `intent` columns
 */
export function parseIntentCsv(content: string): ImportedCatalogue {
  let records: Array<Record<string, string>>;
  let header: string[] = [];
  try {
    records = parse(content, {
      columns: (names: string[]) => (header = names.map((h) => h.trim().toLowerCase())),
      skip_empty_lines: true, bom: true, relax_column_count: true, trim: false,
    });
  } catch (err) {
    throw new DeskbotError('bad_request', `The CSV file does not parse: ${(err as Error).message}`);
  }
  if (!header.includes('text') || !header.includes('intent')) {
    throw new DeskbotError('bad_request', 'The CSV file needs a header row with "text" and "intent" columns.');
  }
  return groupLabelledTexts(records.map((r) => ({ text: unprotect(r.text ?? ''), intent: r.intent ?? '' })));
}

function unprotect(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
