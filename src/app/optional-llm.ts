import type { Config } from '../config/config.js';
import { createCircuitBreaker, createLlmAssistant, createStructuredChat, type LlmAssistant } from '../llm/index.js';

/** After this many failed model calls in a row, deskbot stops asking the model for a while. */
const BREAKER = { failureThreshold: 3, cooldownMs: 30_000 };

/** The language-model assistant when OPENAI_API_KEY or OPENAI_BASE_URL is set; otherwise undefined (fully offline). */
export function createOptionalLlm(config: Config): LlmAssistant | undefined {
  if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL) return undefined;
  const chat = createStructuredChat({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
  });
  return createLlmAssistant(chat, createCircuitBreaker(BREAKER), config.CONFIDENCE_ACT);
}
