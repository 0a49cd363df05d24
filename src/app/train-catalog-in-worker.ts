import { Worker } from 'node:worker_threads';
import { DeskbotError } from '../core/errors.js';
import type { IntentDefinition } from '../classification/types.js';
import { understanderFromModels } from '../classification/understand.js';
import { understandingModelsFromData, type UnderstandingModelsData } from '../classification/trained-model-data.js';
import { intentCatalogOf, type IntentCatalog } from '../intents/intent-catalog.js';

/** Trains an intent catalog; resolves when it is ready to serve. */
export type CatalogTrainer = (intents: IntentDefinition[], outOfScopeExamples: string[]) => Promise<IntentCatalog>;

const boot = new URL('../core/worker-boot.mjs', import.meta.url);
const entry = new URL('./catalog-training-worker.ts', import.meta.url).href;

type WorkerReply = { ok: true; data: UnderstandingModelsData } | { ok: false; message: string };

/**
 * Train the classifier of a catalog in a worker thread and rebuild it here from the trained weights. Why: training
 * takes seconds on thousands of examples (about 3 s on the seed catalogue, 20 s on 11,000 examples), and on the
 * event loop it would hold up every chat, Slack acknowledgement and health check meanwhile. Rebuilding from the
 * weights takes milliseconds and predicts exactly what the worker's model predicts.
 * The worker does not keep the process alive: at shutdown a training in flight is simply dropped.
 * @throws DeskbotError `bad_request` when training fails (e.g. no intent has examples), `internal` when the worker dies
 */
export const trainCatalogInWorker: CatalogTrainer = (intents, outOfScopeExamples) => new Promise<IntentCatalog>((resolve, reject) => {
  const worker = new Worker(boot, { workerData: { entry, intents, outOfScopeExamples } });
  worker.unref();
  let settled = false;
  worker.once('message', (reply: WorkerReply) => {
    settled = true;
    void worker.terminate();
    if (!reply.ok) return reject(new DeskbotError('bad_request', `Training failed: ${reply.message}`));
    try {
      resolve(intentCatalogOf(intents, understanderFromModels(intents, understandingModelsFromData(reply.data))));
    } catch (err) {
      reject(new DeskbotError('internal', 'Could not rebuild the trained intent model.', { cause: err }));
    }
  });
  worker.once('error', (err) => {
    settled = true;
    reject(new DeskbotError('internal', `Intent training worker failed: ${err.message}`, { cause: err }));
  });
  worker.once('exit', (code) => {
    if (!settled) reject(new DeskbotError('internal', `Intent training worker stopped (exit code ${code}).`));
  });
});
