/** Optional language-model help (OpenAI-compatible chat completions): classification of unsure messages, answer drafts. */
export { createLlmAssistant, LLM_CONFIDENCE, type LlmAssistant } from './llm-assistant.js';
export { createStructuredChat, type LlmConnection, type StructuredChat } from './chat-client.js';
export { createCircuitBreaker, type CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker.js';
export type { DraftedAnswer, SourceArticle } from './draft-answer.js';
export { draftedReply } from './drafted-reply.js';
