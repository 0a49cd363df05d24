/** Work queued per key: work under one key runs one at a time, in call order; different keys do not wait for each other. */
export interface KeyedLine {
  /** Run `work` once every earlier call with the same `key` has settled; resolves or rejects as `work` does. */
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Keys with work running or waiting now. */
  readonly keys: number;
}

/**
 * A promise chain per key, forgotten as soon as its last piece of work settles, so idle keys hold no memory.
 * A failing piece of work does not stop the ones queued behind it.
 */
export function createKeyedLine(): KeyedLine {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, work) {
      const before = tails.get(key) ?? Promise.resolve();
      const result = before.then(() => work());
      const tail = result.then(() => undefined, () => undefined);
      tails.set(key, tail);
      // Only the last in line may forget the key: a later call has replaced the tail and still needs it.
      void tail.then(() => { if (tails.get(key) === tail) tails.delete(key); });
      return result;
    },
    get keys() { return tails.size; },
  };
}
