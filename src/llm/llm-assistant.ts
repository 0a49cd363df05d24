import type { IntentDefinition, Understanding } from '../classification/types.js';
import { redactSecrets } from '../redaction/redact.js';
import type { StructuredChat } from './chat-client.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { classifyWithLlm } from './llm-intent-classifier.js';
import { draftAnswer, type DraftedAnswer, type SourceArticle } from './draft-answer.js';

/** Optional help from a language model; every method falls back to deskbot's own result when the model fails. */
export interface LlmAssistant {
  /**
   * Ask the model about a message the embedded classifier is unsure of (confidence below `actThreshold`, not a
   * greeting or ticket-status rule). The model's intent, when it names one, replaces the embedded one.
   * @returns `understanding` unchanged when confident, when the model names none, fails, times out or the circuit is open
   */
  refine(text: string, understanding: Understanding, intents: readonly IntentDefinition[]): Promise<Understanding>;
  /** A short answer drafted from `sources` with citations, or null (no sources, not answerable, failure). */
  draft(question: string, sources: readonly SourceArticle[]): Promise<DraftedAnswer | null>;
}

/** Confidence given to the model's pick: above the default act threshold (0.6), below a rule's 0.95. */
export const LLM_CONFIDENCE = 0.75;

/**
 * Build the assistant. Text is redacted (src/redaction) before it leaves the process, whatever the caller did.
 * @param actThreshold the confidence from which deskbot acts without asking (CONFIDENCE_ACT)
 */
export function createLlmAssistant(chat: StructuredChat, breaker: CircuitBreaker, actThreshold: number): LlmAssistant {
  return {
    async refine(text, understanding, intents) {
      if (understanding.confidence >= actThreshold || understanding.kind === 'ticket_status' || understanding.kind === 'greeting') return understanding;
      const redacted = redactSecrets(text).text;
      if (redacted.trim() === '' || intents.length === 0) return understanding;
      const choice = await breaker.run(() => classifyWithLlm(chat, intents, redacted));
      const intent = choice?.intent ? intents.find((i) => i.name === choice.intent) : undefined;
      if (!intent) return understanding;
      const confidence = Math.max(LLM_CONFIDENCE, understanding.confidence);
      const alternatives = [{ intent: intent.name, kind: intent.kind, confidence }, ...understanding.alternatives.filter((a) => a.intent !== intent.name)].slice(0, 3);
      return { ...understanding, kind: intent.kind, intent: intent.name, confidence, alternatives };
    },
    async draft(question, sources) {
      const redacted = redactSecrets(question).text;
      const safeSources = sources.map((s) => ({ ...s, text: redactSecrets(s.text).text }));
      return breaker.run(() => draftAnswer(chat, redacted, safeSources));
    },
  };
}
