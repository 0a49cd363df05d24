/** Items handed to one write, and whether they all made it. */
export interface GroupCommit<T> {
  /**
   * Queue `item` for the next write; resolves once the write holding it has committed.
   * @throws what that write threw (every item of a failed write is rejected with the same error)
   */
  add(item: T): Promise<void>;
  /** Resolves once nothing is queued or being written. */
  idle(): Promise<void>;
}

export interface GroupCommitOptions {
  /** Writes running at once (the connections set aside for them); at least 1. */
  maxInFlight: number;
  /** Most items in one write; more wait for the next. Default 500. */
  maxBatch?: number;
}

type Waiting<T> = { item: T; resolve: () => void; reject: (err: unknown) => void };

/**
 * Group commit: items added during one turn of the event loop go to the database in one statement, so a burst costs a
 * few round trips and commits (each a WAL flush) rather than one per item. While every write slot is busy new items
 * wait and join the next write: under load batches grow instead of connections queuing.
 * @param write stores every item of a batch in one transaction (one statement), or throws
 */
export function createGroupCommit<T>(write: (items: T[]) => Promise<void>, options: GroupCommitOptions): GroupCommit<T> {
  const maxInFlight = Math.max(1, Math.floor(options.maxInFlight));
  const maxBatch = Math.max(1, options.maxBatch ?? 500);
  let queue: Array<Waiting<T>> = [];
  let inFlight = 0;
  let scheduled = false;
  const idlers: Array<() => void> = [];

  function schedule(): void {
    if (scheduled || !queue.length || inFlight >= maxInFlight) return;
    scheduled = true;
    // After the I/O of this loop turn, so every request that arrived with it is in the batch.
    setImmediate(flush);
  }

  function flush(): void {
    scheduled = false;
    if (!queue.length || inFlight >= maxInFlight) return;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    inFlight += 1;
    const finished = (settle: (w: Waiting<T>) => void) => {
      // The slot is free (and the next batch scheduled) before the callers hear back.
      inFlight -= 1;
      schedule();
      for (const w of batch) settle(w);
      if (!queue.length && !inFlight) for (const done of idlers.splice(0)) done();
    };
    // Through a promise of its own, so a write that throws before its first await rejects its callers too.
    new Promise<void>((resolve) => resolve(write(batch.map((w) => w.item)))).then(
      () => finished((w) => w.resolve()),
      (err: unknown) => finished((w) => w.reject(err)),
    );
    schedule();
  }

  return {
    add(item) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
    idle() {
      if (!queue.length && !inFlight) return Promise.resolve();
      return new Promise((resolve) => idlers.push(resolve));
    },
  };
}
