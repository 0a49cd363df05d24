import { Worker, type Transferable } from 'node:worker_threads';
import { DeskbotError, type DeskbotErrorCode } from './errors.js';
import type { WorkerAnswer } from './answer-parent.js';

const boot = new URL('./worker-boot.mjs', import.meta.url);

/** How to run one job in a worker thread; see {@link runInWorker}. */
export interface WorkerJobOptions {
  /** `file:` URL of the module the worker loads; it answers with {@link answerParent}. */
  entry: string;
  /** The job's input, structured-cloned (or moved, see `transferList`) to the worker as its `workerData.input`. */
  input: unknown;
  /** Buffers inside `input` moved to the worker instead of copied; they are unusable here afterwards. */
  transferList?: Transferable[];
  /** Names the job in refusals, e.g. `The evaluation`. */
  name: string;
  /** Milliseconds the job may run; then the worker is stopped and the job refused with 503. */
  timeoutMs: number;
  /** Old-generation heap cap of the worker, in MB; past it the worker dies (503), not the process. */
  heapMb: number;
  /**
   * Code of the refusal when the job runs past `timeoutMs` (status 503 whatever the code), so a client can tell
   * "too big a job" from a fault, e.g. `evaluation_timeout`. Default `internal`.
   */
  timeoutCode?: DeskbotErrorCode;
  /** What to try after a timeout or a full heap, appended to the refusal, e.g. `try a smaller file`. */
  advice?: { timeout?: string; memory?: string };
  /** Prefix of the refusal when the job itself throws, e.g. `Training failed` (then 400 `bad_request`). */
  jobFailed: string;
  /** Stops the job (503) when aborted, e.g. at shutdown. */
  signal?: AbortSignal;
  /** false: a job in flight does not keep the process alive (it is simply dropped at exit). Default true. */
  keepsProcessAlive?: boolean;
}

/**
 * Run one CPU-heavy job in a fresh worker thread, so the event loop that serves employees stays free, with a time and
 * heap limit, so one oversized job can neither run for ever nor grow the bot's memory. Every way the worker can end
 * maps to one coded error, and the promise settles exactly once.
 * @returns the job's result, as the worker sent it
 * @throws DeskbotError `bad_request` when the job throws (the `jobFailed` prefix and its message); `timeoutCode`
 *   (default `internal`) with status 503 on timeout; `internal` with status 503 on full heap, abort or an unexpected
 *   exit; `internal` (500) when the worker fails otherwise
 */
export function runInWorker<R>(options: WorkerJobOptions): Promise<R> {
  const { name, timeoutMs, heapMb, advice = {} } = options;
  return new Promise<R>((resolve, reject) => {
    const stopped = (message: string, cause?: unknown, code: DeskbotErrorCode = 'internal') => new DeskbotError(code, message, { status: 503, cause });
    if (options.signal?.aborted) return reject(stopped(`${name} was stopped.`));
    const worker = new Worker(boot, {
      workerData: { entry: options.entry, input: options.input },
      transferList: options.transferList,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    if (options.keepsProcessAlive === false) worker.unref();
    let settled = false;
    // Settle at once, not on the worker's exit: a worker stopped before it is online may never report its exit.
    const settle = (outcome: { result: R } | { error: DeskbotError }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if ('error' in outcome) reject(outcome.error);
      else resolve(outcome.result);
    };
    const onAbort = () => settle({ error: stopped(`${name} was stopped.`) });
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      settle({ error: stopped(`${name} took longer than ${Math.ceil(timeoutMs / 1000)} s and was stopped${suffix(advice.timeout)}.`, undefined, options.timeoutCode) });
    }, timeoutMs);
    timer.unref();
    worker.once('message', (answer: WorkerAnswer<R>) => {
      settle(answer.ok ? { result: answer.result } : { error: new DeskbotError('bad_request', `${options.jobFailed}: ${answer.message}`) });
    });
    worker.once('error', (err) => {
      const outOfMemory = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      settle({
        error: outOfMemory
          ? stopped(`${name} needed more than ${heapMb} MB and was stopped${suffix(advice.memory)}.`, err)
          : new DeskbotError('internal', `${name} failed in its worker: ${err.message}`, { cause: err }),
      });
    });
    worker.once('exit', (code) => settle({ error: stopped(`${name} was stopped (worker exit code ${code}).`) }));
  });
}

const suffix = (advice: string | undefined) => (advice ? `; ${advice}` : '');
