import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DeskbotError } from '../core/errors.js';
import { readJsonFile } from '../config/read-json-file.js';
import type { IntentDefinition } from './types.js';

const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);

const seedSchema = z.object({
  intents: z.array(
    z.object({
      name: z.string().min(1),
      kind: z.enum(['incident', 'service_request', 'question', 'ticket_status', 'greeting']),
      description: z.string(),
      defaultImpact: level,
      defaultUrgency: level,
      askImpact: z.boolean().optional(),
      assignmentGroup: z.string().optional(),
      agentOnly: z.boolean().optional(),
      articleSlugs: z.array(z.string()).optional(),
      examples: z.array(z.string().min(1)),
    }),
  ),
  outOfScopeExamples: z.array(z.string().min(1)),
});

/** Where the seed catalogue lives: `prisma/seed/intents.json` of the checkout. */
export const seedIntentsPath = fileURLToPath(new URL('../../prisma/seed/intents.json', import.meta.url));

/**
 * Read and validate the seed intent catalogue.
 * @param path defaults to {@link seedIntentsPath}
 * @returns `{ intents, outOfScopeExamples }` as in the file
 * @throws DeskbotError `config_invalid` when the file is missing or does not match the schema
 */
export function loadSeedIntents(path: string = seedIntentsPath): { intents: IntentDefinition[]; outOfScopeExamples: string[] } {
  const parsed = seedSchema.safeParse(readJsonFile(path, 'seed intents'));
  if (!parsed.success) throw new DeskbotError('config_invalid', `seed intents at ${path} are invalid: ${parsed.error.message}`);
  return parsed.data;
}
