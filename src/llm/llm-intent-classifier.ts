import { z } from 'zod';
import type { IntentDefinition } from '../classification/types.js';
import type { StructuredChat } from './chat-client.js';

/** The model's pick: an intent of the list, or null for none of them. */
export interface LlmIntentChoice {
  intent: string | null;
}

const NONE = 'none_of_these';

/**
 * Ask the model which intent of `intents` the (already redacted) message is. The JSON schema's enum is the current
 * intent names plus `none_of_these`, so the model cannot answer outside the catalogue.
 * @returns the intent name, or null for none of them
 * @throws when the call fails or the reply does not follow the schema
 */
export async function classifyWithLlm(chat: StructuredChat, intents: readonly IntentDefinition[], redactedText: string): Promise<LlmIntentChoice> {
  const names = intents.map((i) => i.name);
  const catalogue = intents.map((i) => `- ${i.name} (${i.kind}): ${i.description}`).join('\n');
  const reply = await chat(
    [
      { role: 'system', content: `You route messages sent to an IT service desk. Pick the one intent that fits, or ${NONE}.\nIntents:\n${catalogue}` },
      { role: 'user', content: redactedText.slice(0, 2000) },
    ],
    {
      name: 'intent_choice',
      schema: { type: 'object', properties: { intent: { type: 'string', enum: [...names, NONE] } }, required: ['intent'], additionalProperties: false },
    },
  );
  const intent = z.object({ intent: z.enum([NONE, ...names]) }).parse(reply).intent;
  return { intent: intent === NONE ? null : intent };
}
