import { Worker } from 'node:worker_threads';
import { DeskbotError } from '../../core/errors.js';
import type { EvaluationJob, EvaluationResult } from './evaluation-jobs.js';

/** Runs training-heavy admin jobs in a worker thread, one at a time. */
export interface EvaluationRunner {
  run<J extends EvaluationJob>(job: J): Promise<EvaluationResult<J>>;
  /** Stop a running job and refuse new ones (at shutdown). */
  close(): Promise<void>;
}

const boot = new URL('../../core/worker-boot.mjs', import.meta.url);
const entry = new URL('./evaluation-worker.ts', import.meta.url).href;

/** Longest an evaluation may run before its worker is stopped: an upload of tens of thousands of rows must not hold the runner for ever. */
export const DEFAULT_EVALUATION_TIMEOUT_MS = 5 * 60_000;
/** Heap cap of an evaluation worker: past it the worker dies with an out-of-memory error, not the bot's process. */
export const EVALUATION_HEAP_MB = 1024;

/**
 * Create the runner. Why a worker: training a model takes seconds, and k-fold cross-validation k times that; on the
 * request thread it would stall every employee's conversation. Jobs queue and run one at a time, so an evaluation
 * never takes more than one core from the bot; each is stopped after `timeoutMs` and may use at most
 * {@link EVALUATION_HEAP_MB} of heap, so one huge upload cannot block later evaluations or grow the bot's memory.
 * @param options.maxQueued jobs waiting beyond this are refused with 503 (default 4)
 * @param options.timeoutMs a job still running after this is stopped and refused with 503 (default 5 minutes)
 */
export function createEvaluationRunner(options: { maxQueued?: number; timeoutMs?: number } = {}): EvaluationRunner {
  const maxQueued = options.maxQueued ?? 4;
  const timeoutMs = options.timeoutMs ?? DEFAULT_EVALUATION_TIMEOUT_MS;
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  let current: Worker | null = null;
  let closed = false;

  const runOne = (job: EvaluationJob) => new Promise<unknown>((resolve, reject) => {
    if (closed) return reject(new DeskbotError('internal', 'The evaluation runner is closed.', { status: 503 }));
    const worker = new Worker(boot, { workerData: { entry, job }, resourceLimits: { maxOldGenerationSizeMb: EVALUATION_HEAP_MB } });
    current = worker;
    // Refused at once, not on the worker's exit: a worker stopped before it is online may never report its exit.
    const timer = setTimeout(() => {
      reject(new DeskbotError('internal', `The evaluation took longer than ${Math.ceil(timeoutMs / 1000)} s and was stopped; try fewer folds or a smaller file.`, { status: 503 }));
      if (current === worker) current = null;
      void worker.terminate();
    }, timeoutMs);
    timer.unref();
    worker.once('message', (m: { ok: boolean; result?: unknown; message?: string }) => {
      if (m.ok) resolve(m.result);
      else reject(new DeskbotError('bad_request', `Training failed: ${m.message}`));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      const outOfMemory = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      reject(outOfMemory
        ? new DeskbotError('internal', `The evaluation needed more than ${EVALUATION_HEAP_MB} MB and was stopped; try a smaller file.`, { status: 503, cause: err })
        : new DeskbotError('internal', `Evaluation worker failed: ${err.message}`, { cause: err }));
    });
    worker.once('exit', (code) => {
      current = null;
      clearTimeout(timer);
      if (code !== 0) reject(new DeskbotError('internal', 'The evaluation was stopped.', { status: 503 }));
    });
  });

  return {
    run<J extends EvaluationJob>(job: J): Promise<EvaluationResult<J>> {
      if (waiting >= maxQueued) return Promise.reject(new DeskbotError('internal', 'Too many evaluations are waiting; try again in a minute.', { status: 503 }));
      waiting += 1;
      const result = tail.catch(() => undefined).then(() => runOne(job)).finally(() => { waiting -= 1; });
      tail = result;
      return result as Promise<EvaluationResult<J>>;
    },
    async close() {
      closed = true;
      await current?.terminate();
    },
  };
}
