/** A bounded map whose entries expire: the least recently used entry goes first when it is full. */
export interface LruCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  has(key: string): boolean;
  readonly size: number;
}

/**
 * Create an LRU cache. Map keeps insertion order, so re-inserting on read makes the first key the least recently used.
 * @param max most entries kept (at least 1)
 * @param ttlMs how long an entry lives after it was set, in milliseconds
 * @param now clock in ms, for tests
 */
export function createLruCache<V>(max: number, ttlMs: number, now: () => number = Date.now): LruCache<V> {
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
    set(key, value) {
      entries.delete(key);
      entries.set(key, { value, expires: now() + ttlMs });
      while (entries.size > Math.max(1, max)) entries.delete(entries.keys().next().value!);
    },
    get size() { return entries.size; },
  };
}
