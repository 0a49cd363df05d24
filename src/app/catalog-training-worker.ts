// Worker-thread entry: trains the live intent model off the event loop that serves employees, then sends the trained
// weights back as plain data (transferred, not copied). Loaded by src/core/worker-boot.mjs.
import { parentPort, workerData } from 'node:worker_threads';
import type { IntentDefinition } from '../classification/types.js';
import { trainUnderstandingModels } from '../classification/understand.js';
import { transferablesOf, understandingModelsToData } from '../classification/trained-model-data.js';

const { intents, outOfScopeExamples } = workerData as { intents: IntentDefinition[]; outOfScopeExamples: string[] };
try {
  const data = understandingModelsToData(trainUnderstandingModels(intents, outOfScopeExamples));
  parentPort!.postMessage({ ok: true, data }, transferablesOf(data));
} catch (err) {
  parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
}
