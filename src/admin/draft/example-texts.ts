import type { Db } from '../../db/client.js';
import { normalExampleText } from '../../intents/example-text.js';

/*
 * The one way examples enter the draft, for examples added one by one (admin API, inbox "add as example") and for
 * imports alike: texts are compared as they are stored (NFC, whitespace collapsed: see normalExampleText) and ignoring
 * case, since the classifier lower-cases: "VPN down" beside "vpn down" teaches it nothing new.
 */

/**
 * Example texts as an intent stores them: NFC, whitespace collapsed, blanks dropped, one per spelling ignoring case (the
 * first given kept).
 * @returns lower-cased text → text as stored, in the order given
 */
export function exampleTextsByKey(texts: string[]): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const text of texts.map(normalExampleText).filter(Boolean)) if (!byKey.has(text.toLowerCase())) byKey.set(text.toLowerCase(), text);
  return byKey;
}

/**
 * The texts of `wanted` ({@link exampleTextsByKey}) that the intent does not hold yet in any case.
 * @param held the texts the intent holds, as stored
 */
export function newExampleTexts(wanted: Map<string, string>, held: Iterable<string>): string[] {
  const heldKeys = new Set([...held].map((text) => text.toLowerCase()));
  return [...wanted].filter(([key]) => !heldKeys.has(key)).map(([, text]) => text);
}

/**
 * Insert examples with one statement of two array parameters: Prisma's `createMany` binds three parameters a row,
 * which PGlite parses far slower than two arrays. A text its intent has already, in any case, is skipped (the
 * database's case-insensitive key, so also when another request adds it at the same moment).
 * @param rows texts as stored (see {@link exampleTextsByKey})
 * @returns how many rows were inserted
 */
export async function insertExampleRows(db: Db, rows: Array<{ intentId: string; text: string }>): Promise<number> {
  if (!rows.length) return 0;
  return db.$executeRaw`INSERT INTO "IntentExample" ("id", "intentId", "text")
    SELECT gen_random_uuid()::text, r.intent_id, r.text FROM unnest(${rows.map((r) => r.intentId)}::text[], ${rows.map((r) => r.text)}::text[]) AS r(intent_id, text)
    ON CONFLICT DO NOTHING`;
}
