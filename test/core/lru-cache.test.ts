import { expect, test } from 'vitest';
import { createLruCache } from '../../src/core/index.js';

test('the LRU cache is bounded and forgets expired entries', () => {
  let now = 0;
  const cache = createLruCache<number>(2, 1000, () => now);
  cache.set('a', 1);
  cache.set('b', 2);
  cache.get('a');
  cache.set('c', 3);
  expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  now = 1001;
  expect(cache.get('a')).toBeUndefined();
  expect(cache.size).toBe(1);
});

test('an entry set with its own expiry lives exactly until then, whatever the cache-wide time to live', () => {
  let now = 0;
  const cache = createLruCache<string>(10, 1000, () => now);
  cache.set('token', 'grant', { expiresAt: 5000 });
  cache.set('plain', 'value');
  now = 4999;
  expect([cache.get('token'), cache.get('plain')]).toEqual(['grant', undefined]);
  now = 5000;
  expect(cache.has('token')).toBe(false);
  expect(cache.size).toBe(0);
});
