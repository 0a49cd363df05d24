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

/**
 * Create the runner. Why a worker: training a model takes seconds, and k-fold cross-validation k times that; on the
 * request thread it would stall every employee's conversation. Jobs queue and run one at a time, so an evaluation
 * never takes more than one core from the bot.
 * @param options.maxQueued jobs waiting beyond this are refused with 503 (default 4)
 */
export function createEvaluationRunner(options: { maxQueued?: number } = {}): EvaluationRunner {
  const maxQueued = options.maxQueued ?? 4;
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  let current: Worker | null = null;
  let closed = false;

  const runOne = (job: EvaluationJob) => new Promise<unknown>((resolve, reject) => {
    if (closed) return reject(new DeskbotError('internal', 'The evaluation runner is closed.', { status: 503 }));
    const worker = new Worker(boot, { workerData: { entry, job } });
    current = worker;
    worker.once('message', (m: { ok: boolean; result?: unknown; message?: string }) => {
      if (m.ok) resolve(m.result);
      else reject(new DeskbotError('bad_request', `Training failed: ${m.message}`));
      void worker.terminate();
    });
    worker.once('error', (err) => reject(new DeskbotError('internal', `Evaluation worker failed: ${err.message}`, { cause: err })));
    worker.once('exit', (code) => {
      current = null;
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
