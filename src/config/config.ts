import { z } from 'zod';
import { DeskbotError } from '../core/errors.js';
import { deskProblems, deskSchema } from './desk-config.js';
import { llmSchema } from './llm-config.js';
import { serverSchema } from './server-config.js';
import { slackSchema } from './slack-config.js';
import { teamsProblems, teamsSchema } from './teams-config.js';
import { signInProblems, webChatSchema } from './web-chat-config.js';

export { signInSettings } from './web-chat-config.js';

/**
 * Every environment variable deskbot reads, one schema file per concern; `.env.example` documents each one.
 * Settings that cannot work together are refused here, each naming the variable to fix.
 */
export const configSchema = z.object({
  ...serverSchema.shape,
  ...webChatSchema.shape,
  ...deskSchema.shape,
  ...slackSchema.shape,
  ...teamsSchema.shape,
  ...llmSchema.shape,
}).superRefine((c, ctx) => {
  for (const [path, message] of [...deskProblems(c), ...signInProblems(c), ...teamsProblems(c)]) {
    ctx.addIssue({ code: 'custom', path: [path], message });
  }
});

/** Validated configuration, read once by the composition root and injected everywhere else. */
export type Config = z.infer<typeof configSchema>;

/**
 * Parse and validate configuration from an environment map.
 * @throws DeskbotError `config_invalid` naming every bad variable
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new DeskbotError('config_invalid', `Invalid configuration: ${problems}`);
  }
  return result.data;
}
