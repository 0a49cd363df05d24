// @ts-expect-error NLP.js ships no type declarations
import { Nlp } from '@nlpjs/nlp';
// @ts-expect-error NLP.js ships no type declarations
import { LangEn } from '@nlpjs/lang-en-min';
import type { LabeledExample } from '../../src/classification/types.js';

/** A trained reference engine: predicted label per text, `None` for out of scope. */
export interface ReferenceEngine {
  predict(text: string): Promise<string>;
}

interface NlpInstance {
  use(plugin: unknown): void;
  addLanguage(language: string): void;
  addDocument(language: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(language: string, text: string): Promise<{ intent?: string }>;
}

/** Train NLP.js v4 (`@nlpjs/nlp` + `@nlpjs/lang-en-min`) with default settings, no model file and no training log. */
export async function trainNlpJs(examples: LabeledExample[]): Promise<ReferenceEngine> {
  const nlp = new Nlp({ languages: ['en'], autoSave: false, autoLoad: false, nlu: { log: false } }) as NlpInstance;
  nlp.use(LangEn);
  for (const e of examples) nlp.addDocument('en', e.text, e.label);
  await nlp.train();
  return {
    async predict(text) {
      const result = await nlp.process('en', text);
      return result.intent && result.intent !== 'None' ? result.intent : 'None';
    },
  };
}
