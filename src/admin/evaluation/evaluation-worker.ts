// Worker-thread entry: trains and evaluates off the event loop that serves employees. Loaded by src/core/worker-boot.mjs.
import { parentPort, workerData } from 'node:worker_threads';
import { runEvaluationJob, type EvaluationJob } from './evaluation-jobs.js';

try {
  parentPort!.postMessage({ ok: true, result: runEvaluationJob((workerData as { job: EvaluationJob }).job) });
} catch (err) {
  parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
}
