import { parentPort, workerData, type Transferable } from 'node:worker_threads';

/** What a worker started by runInWorker sends back: its result, or why the job failed. */
export type WorkerAnswer<R> = { ok: true; result: R } | { ok: false; message: string };

/**
 * The worker side of runInWorker: run `job` on the input the parent sent, then post its result (or the error's
 * message) to the parent. Call once, at the top level of a worker entry module.
 * @param transferablesOf buffers of the result to move to the parent instead of copying (large model weights)
 */
export function answerParent<I, R>(job: (input: I) => R, transferablesOf?: (result: R) => Transferable[]): void {
  let answer: WorkerAnswer<R>;
  try {
    answer = { ok: true, result: job((workerData as { input: I }).input) };
  } catch (err) {
    parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) } satisfies WorkerAnswer<R>);
    return;
  }
  parentPort!.postMessage(answer, transferablesOf?.(answer.result));
}
