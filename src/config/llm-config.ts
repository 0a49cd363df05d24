import { z } from 'zod';
import { optionalString } from './config-fields.js';

/** The optional language model (OpenAI-compatible API): off unless OPENAI_API_KEY or OPENAI_BASE_URL is set. */
export const llmSchema = z.object({
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  /** Chat model for the optional language-model help. */
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  /** Per model call; past it deskbot answers on its own. */
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(4000),
});
