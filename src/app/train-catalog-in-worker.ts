import { DeskbotError } from '../core/errors.js';
import { runInWorker } from '../core/run-in-worker.js';
import type { IntentDefinition } from '../classification/types.js';
import { understanderFromModels } from '../classification/understand.js';
import { understandingModelsFromData, type UnderstandingModelsData } from '../classification/trained-model-data.js';
import { intentCatalogOf, type IntentCatalog } from '../intents/intent-catalog.js';

/**
 * Trains an intent catalog; resolves when it is ready to serve. `signal`, when given and aborted (a stop signal during
 * start-up), stops the training and rejects.
 */
export type CatalogTrainer = (intents: IntentDefinition[], outOfScopeExamples: string[], signal?: AbortSignal) => Promise<IntentCatalog>;

const entry = new URL('./catalog-training-worker.ts', import.meta.url).href;

/**
 * Longest a live-model training may take. Training takes about 3 s on the seed catalogue and 20 s on 11,000 examples,
 * so 5 minutes leaves room for a catalogue many times larger on a busy machine, while a runaway training still ends
 * and frees its core (the live model keeps serving meanwhile either way).
 */
export const CATALOG_TRAINING_TIMEOUT_MS = 5 * 60_000;
/**
 * Heap cap of the training worker, in MB: the same as an evaluation's, which trains k such models in one worker; a
 * catalogue that needs more dies in its worker instead of taking the bot's process down.
 */
export const CATALOG_TRAINING_HEAP_MB = 1024;

/**
 * A trainer that trains the classifier of a catalog in a worker thread and rebuilds it here from the trained weights.
 * Why: training takes seconds on thousands of examples, and on the event loop it would hold up every chat, Slack
 * acknowledgement and health check meanwhile. Rebuilding from the weights takes milliseconds and predicts exactly what
 * the worker's model predicts. The worker does not keep the process alive: at shutdown a training in flight is dropped.
 * @param limits.timeoutMs default {@link CATALOG_TRAINING_TIMEOUT_MS}; limits.heapMb default {@link CATALOG_TRAINING_HEAP_MB}
 * @returns a trainer that throws DeskbotError `bad_request` when training fails (e.g. no intent has examples),
 *   `internal` 503 when it runs past its time or heap, `internal` when the worker dies or the model cannot be rebuilt
 */
export function catalogTrainerInWorker(limits: { timeoutMs?: number; heapMb?: number } = {}): CatalogTrainer {
  return async (intents, outOfScopeExamples, signal) => {
    const data = await runInWorker<UnderstandingModelsData>({
      entry, input: { intents, outOfScopeExamples }, name: 'The intent training', jobFailed: 'Training failed', keepsProcessAlive: false, signal,
      timeoutMs: limits.timeoutMs ?? CATALOG_TRAINING_TIMEOUT_MS, heapMb: limits.heapMb ?? CATALOG_TRAINING_HEAP_MB,
    });
    try {
      return intentCatalogOf(intents, understanderFromModels(intents, understandingModelsFromData(data)));
    } catch (err) {
      throw new DeskbotError('internal', 'Could not rebuild the trained intent model.', { cause: err });
    }
  };
}

/** The trainer every load of the live model uses by default, start-up included: {@link catalogTrainerInWorker} with its default limits. */
export const trainCatalogInWorker: CatalogTrainer = catalogTrainerInWorker();
