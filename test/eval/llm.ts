// Kind figures with the optional language model. With OPENAI_API_KEY or OPENAI_BASE_URL set, a real model answers;
// otherwise a local stub that always says "none of these" stands in, so the figure only shows the plumbing works.
import { createUnderstander } from '../../src/classification/understand.js';
import { loadSeedIntents } from '../../src/classification/load-seed-intents.js';
import { createCircuitBreaker, createLlmAssistant, createStructuredChat } from '../../src/llm/index.js';
import { startFakeOpenAi } from '../llm/fake-openai-server.js';
import { evaluateAllKinds, type KindFigures, type KindSetName } from './kinds.js';

/** The settings of a real model from the environment, or null to use the stub. */
export interface RealModel {
  apiKey?: string;
  baseURL?: string;
  model: string;
}

/**
 * Macro-F1 of incident vs service request on every kind dev set with the LLM asked about unsure messages
 * (confidence below 0.6), and how many messages were sent to it.
 */
export async function evaluateWithLlm(real: RealModel | null): Promise<{ model: string; calls: number } & Record<KindSetName, KindFigures>> {
  const stub = real ? null : await startFakeOpenAi(() => ({ content: JSON.stringify({ intent: 'none_of_these' }) }));
  try {
    const chat = createStructuredChat({ apiKey: real?.apiKey ?? 'stub', baseURL: real?.baseURL ?? stub!.baseURL, model: real?.model ?? 'stub', timeoutMs: 20_000 });
    const llm = createLlmAssistant(chat, createCircuitBreaker({ failureThreshold: 5, cooldownMs: 60_000 }), 0.6);
    const seed = loadSeedIntents();
    const understander = createUnderstander(seed.intents, seed.outOfScopeExamples);
    let calls = 0;
    const kindOf = async (text: string) => {
      const embedded = understander.understand(text);
      if (embedded.confidence < 0.6) calls++;
      return (await llm.refine(text, embedded, seed.intents)).kind;
    };
    return {
      model: real ? real.model : 'local stub (always "none of these"): plumbing only, not a model figure',
      ...(await evaluateAllKinds(kindOf)),
      calls,
    };
  } finally {
    await stub?.close();
  }
}
