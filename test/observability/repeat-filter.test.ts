import { expect, test } from 'vitest';
import { repeatFilter } from '../../src/observability/repeat-filter.js';

test('a repeated message is let through once per interval; a different one at once', () => {
  let t = 0;
  const fresh = repeatFilter(60_000, () => t);
  const seen = (m: string, at: number) => { t = at; return fresh(m); };
  expect([seen('ECONNREFUSED', 0), seen('ECONNREFUSED', 1000), seen('ECONNREFUSED', 59_999)]).toEqual([true, false, false]);
  expect(seen('ECONNREFUSED', 60_000)).toBe(true);
  expect([seen('ETIMEDOUT', 60_001), seen('ECONNREFUSED', 60_002), seen('ECONNREFUSED', 60_003)]).toEqual([true, true, false]);
});
