/** A counting semaphore with a first-come, first-served line. */
export interface Slots {
  /** Wait for a free slot (and one event-loop turn), run `work`, free the slot; resolves or rejects as `work` does. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Work waiting for a slot now. */
  readonly waiting: number;
}

/**
 * At most `size` pieces of work at once; more wait in line, in call order, and none is dropped. Each run first lets
 * the event loop take a turn, so I/O already waiting (a new HTTP request to acknowledge) is read before more work starts.
 * @param size slots, at least 1
 */
export function createSlots(size: number): Slots {
  let free = Math.max(1, Math.floor(size));
  const line: Array<() => void> = [];
  return {
    async run(work) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (free > 0) free -= 1;
      else await new Promise<void>((resolve) => line.push(resolve));
      try {
        return await work();
      } finally {
        // The slot passes straight to the next in line, so a late caller cannot overtake it.
        const next = line.shift();
        if (next) next();
        else free += 1;
      }
    },
    get waiting() { return line.length; },
  };
}
