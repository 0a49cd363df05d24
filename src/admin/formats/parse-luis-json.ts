import { z } from 'zod';
import { DeskbotError } from '../../core/errors.js';
import { groupLabelledTexts, type ImportedCatalogue } from './intent-file.js';

const luisSchema = z.object({
  intents: z.array(z.object({ name: z.string() }).loose()).default([]),
  utterances: z.array(z.object({ text: z.string(), intent: z.string() }).loose()),
}).loose();

/**
 * Read a LUIS app export (JSON): `utterances[{ text, intent }]` are the examples; `intents[{ name }]` lists the
 * intents, so one without utterances is reported as skipped. The `None` intent is out of scope.
 * Spec: the LUIS app JSON schema (luis_schema_version 3–7).
 * @throws DeskbotError `bad_request` for JSON that is not a LUIS app
 */
export function parseLuisJson(value: unknown): ImportedCatalogue {
  const parsed = luisSchema.safeParse(value);
  if (!parsed.success) throw new DeskbotError('bad_request', 'The LUIS file needs "utterances": [{ "text", "intent" }].');
  const used = new Set(parsed.data.utterances.map((u) => u.intent));
  const skipped = parsed.data.intents.filter((i) => !used.has(i.name) && i.name !== 'None').map((i) => `intent "${i.name}": no utterances`);
  return groupLabelledTexts(parsed.data.utterances, skipped, parsed.data.intents.map((i) => i.name));
}
