// `npm run eval`: quality figures as JSON — intent micro-F1 on the Braun et al. corpora (with NLP.js side by side),
// knowledge retrieval MRR@10. Reads the optional evaluation data in ../shared/eval (or EVAL_DIR).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { evaluateIntents } from './intents.js';
import { evaluateKnowledgeRetrieval } from './kb.js';

const dir = process.env.EVAL_DIR ?? path.resolve(import.meta.dirname, '../../../shared/eval');
if (!existsSync(dir)) {
  console.error(`No evaluation data at ${dir}: set EVAL_DIR to a folder with intents/ and kb-retrieval/.`);
  process.exit(1);
}
const results = {
  intents: await evaluateIntents(path.join(dir, 'intents')),
  knowledge: await evaluateKnowledgeRetrieval(path.join(dir, 'kb-retrieval')),
};
console.log(JSON.stringify(results, null, 2));
