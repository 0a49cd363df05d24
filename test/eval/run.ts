// `npm run eval`: quality figures as JSON — intent micro-F1 on the Braun et al. corpora (with NLP.js side by side),
// incident vs service request on our two dev sets (without and with the optional LLM), knowledge retrieval MRR@10,
// and classification speed. Reads the optional evaluation data in ../shared/eval (or EVAL_DIR).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { evaluateIntents } from './intents.js';
import { evaluateKnowledgeRetrieval } from './kb.js';
import { evaluateWithLlm } from './llm.js';
import { benchClassification } from '../bench/classification.js';

const dir = process.env.EVAL_DIR ?? path.resolve(import.meta.dirname, '../../../shared/eval');
if (!existsSync(dir)) {
  console.error(`No evaluation data at ${dir}: set EVAL_DIR to a folder with intents/ and kb-retrieval/.`);
  process.exit(1);
}
const { OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL } = process.env;
const realModel = OPENAI_API_KEY || OPENAI_BASE_URL ? { apiKey: OPENAI_API_KEY, baseURL: OPENAI_BASE_URL, model: OPENAI_MODEL ?? 'gpt-4o-mini' } : null;
const results = {
  intents: await evaluateIntents(path.join(dir, 'intents')),
  withLlm: await evaluateWithLlm(realModel),
  knowledge: await evaluateKnowledgeRetrieval(path.join(dir, 'kb-retrieval')),
  speed: await benchClassification(),
};
console.log(JSON.stringify(results, null, 2));
