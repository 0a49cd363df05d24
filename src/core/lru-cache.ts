/**
 * A bounded map whose entries expire: when it is full, the least recently used entry goes first. Shared by adapters
 * (through the core's public index) for what they remember per process: verified tokens, profiles, seen event ids.
 */
export interface LruCache<V> {
  /** The value, or undefined when absent or expired (an expired entry is dropped); a hit makes it the most recent. */
  get(key: string): V | undefined;
  /**
   * Keep `value` under `key` (replacing any older one) as the most recent entry, dropping the least recently used
   * when over the bound.
   * @param options.expiresAt when this entry expires, in ms on the cache's clock (e.g. a token's own expiry);
   *   default: now + the cache's `ttlMs`
   */
  set(key: string, value: V, options?: { expiresAt?: number }): void;
  /** Whether `key` holds an unexpired value; like `get`, a hit makes it the most recent. */
  has(key: string): boolean;
  /** Entries held, expired ones not yet dropped included. */
  readonly size: number;
}

/**
 * Create an LRU cache. Map keeps insertion order, so re-inserting on read makes the first key the least recently used.
 * An entry is expired from its expiry on (`expiresAt <= now`).
 * @param max most entries kept (at least 1)
 * @param ttlMs how long an entry lives after it was set, in milliseconds, unless `set` gives its own expiry
 * @param now clock in ms, for tests; default `Date.now()` read at each use
 */
export function createLruCache<V>(max: number, ttlMs: number, now: () => number = () => Date.now()): LruCache<V> {
  const entries = new Map<string, { value: V; expires: number }>();
  const get = (key: string): V | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    entries.delete(key);
    if (entry.expires <= now()) return undefined;
    entries.set(key, entry);
    return entry.value;
  };
  return {
    get,
    has: (key) => get(key) !== undefined,
    set(key, value, options = {}) {
      entries.delete(key);
      entries.set(key, { value, expires: options.expiresAt ?? now() + ttlMs });
      while (entries.size > Math.max(1, max)) entries.delete(entries.keys().next().value!);
    },
    get size() { return entries.size; },
  };
}
