import { AdminError } from '../admin-error.js';
import { runInWorker } from '../../core/run-in-worker.js';
import type { EvaluationJob, EvaluationResult } from './evaluation-jobs.js';

/** Runs training-heavy admin jobs in a worker thread, one at a time. */
export interface EvaluationRunner {
  run<J extends EvaluationJob>(job: J): Promise<EvaluationResult<J>>;
  /** Stop a running job and refuse new ones (at shutdown). */
  close(): Promise<void>;
}

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
 * @param options.maxQueued jobs waiting beyond this are refused with 503 `busy` (default 4)
 * @param options.timeoutMs a job still running after this is stopped and refused with 503 `evaluation_timeout`
 *   (default 5 minutes)
 */
export function createEvaluationRunner(options: { maxQueued?: number; timeoutMs?: number } = {}): EvaluationRunner {
  const maxQueued = options.maxQueued ?? 4;
  const timeoutMs = options.timeoutMs ?? DEFAULT_EVALUATION_TIMEOUT_MS;
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  const stop = new AbortController();

  const runOne = (job: EvaluationJob) => runInWorker<unknown>({
    entry, input: job, name: 'The evaluation', timeoutMs, timeoutCode: 'evaluation_timeout', heapMb: EVALUATION_HEAP_MB, jobFailed: 'Training failed', signal: stop.signal,
    advice: { timeout: 'try fewer folds or a smaller file', memory: 'try a smaller file' },
  });

  return {
    run<J extends EvaluationJob>(job: J): Promise<EvaluationResult<J>> {
      if (waiting >= maxQueued) return Promise.reject(new AdminError('busy', 'Too many evaluations are waiting; try again in a minute.', 503));
      waiting += 1;
      const result = tail.catch(() => undefined).then(() => runOne(job)).finally(() => { waiting -= 1; });
      tail = result;
      return result as Promise<EvaluationResult<J>>;
    },
    async close() {
      stop.abort();
      await tail.catch(() => undefined);
    },
  };
}
