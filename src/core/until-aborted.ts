/**
 * Wait for `work`, but no longer than until `signal` aborts: a stop signal must not wait for a long start-up step
 * (the first training) that the shutdown is about to stop anyway. The work itself goes on unless it watches the
 * signal too; its later failure is then ignored.
 * @returns what `work` resolves with
 * @throws what `work` rejects with, or `signal.reason` once aborted (at once when it already is)
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      work.catch(() => undefined);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
