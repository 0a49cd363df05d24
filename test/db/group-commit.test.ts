import { expect, test } from 'vitest';
import { createGroupCommit } from '../../src/db/group-commit.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

test('items added in one event-loop turn go in one write, and each caller resolves when it commits', async () => {
  const writes: number[][] = [];
  let commit: () => void = () => undefined;
  const group = createGroupCommit<number>((items) => {
    writes.push(items);
    return new Promise<void>((resolve) => { commit = resolve; });
  }, { maxInFlight: 1 });
  const resolved: number[] = [];
  const calls = [1, 2, 3].map((n) => group.add(n).then(() => resolved.push(n)));
  await tick();
  expect(writes).toEqual([[1, 2, 3]]);
  expect(resolved).toEqual([]);
  commit();
  await Promise.all(calls);
  expect(resolved).toEqual([1, 2, 3]);
});

test('while every write slot is busy new items wait and go together in the next write', async () => {
  const writes: number[][] = [];
  const commits: Array<() => void> = [];
  const group = createGroupCommit<number>((items) => {
    writes.push(items);
    return new Promise<void>((resolve) => { commits.push(resolve); });
  }, { maxInFlight: 1 });
  const first = group.add(1);
  await tick();
  const later = [group.add(2), group.add(3)];
  await tick();
  await tick();
  expect(writes).toEqual([[1]]);
  commits[0]!();
  await first;
  await tick();
  expect(writes).toEqual([[1], [2, 3]]);
  commits[1]!();
  await Promise.all(later);
  await group.idle();
});

test('a failed write rejects every caller in it with its error; the next batch is written anew', async () => {
  let fail = true;
  const writes: string[][] = [];
  const group = createGroupCommit<string>(async (items) => {
    writes.push(items);
    if (fail) throw new Error('connection refused');
  }, { maxInFlight: 2 });
  const results = await Promise.allSettled([group.add('a'), group.add('b')]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  expect(results.map((r) => (r as PromiseRejectedResult).reason.message)).toEqual(['connection refused', 'connection refused']);
  fail = false;
  await expect(group.add('c')).resolves.toBeUndefined();
  expect(writes).toEqual([['a', 'b'], ['c']]);
});

test('a batch holds at most maxBatch items', async () => {
  const writes: number[][] = [];
  const group = createGroupCommit<number>(async (items) => { writes.push(items); }, { maxInFlight: 3, maxBatch: 2 });
  await Promise.all([1, 2, 3, 4, 5].map((n) => group.add(n)));
  expect(writes.flat().sort()).toEqual([1, 2, 3, 4, 5]);
  expect(Math.max(...writes.map((w) => w.length))).toBe(2);
});
