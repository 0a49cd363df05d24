import { expect, test } from 'vitest';
import { createSlots } from '../../src/core/slots.js';

/** A promise with its resolve exposed, for work that finishes when the test says. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => { open = resolve; });
  return { open, opened };
}

test('no more than the size run at once; the rest start in call order, and every one runs', async () => {
  const slots = createSlots(2);
  const started: number[] = [];
  const gates = Array.from({ length: 6 }, gate);
  let running = 0;
  let most = 0;
  const all = gates.map((g, i) => slots.run(async () => {
    started.push(i);
    running += 1;
    most = Math.max(most, running);
    await g.opened;
    running -= 1;
    return i;
  }));
  await new Promise((resolve) => setImmediate(resolve));
  expect(started).toEqual([0, 1]);
  expect(slots.waiting).toBe(4);
  // Finish them last-first: the line still starts in call order.
  for (const g of [...gates].reverse()) g.open();
  expect(await Promise.all(all)).toEqual([0, 1, 2, 3, 4, 5]);
  expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  expect(most).toBe(2);
  expect(slots.waiting).toBe(0);
});

test('work that fails frees its slot and rejects to its caller only', async () => {
  const slots = createSlots(1);
  const failing = slots.run(async () => { throw new Error('turn failed'); });
  const next = slots.run(async () => 'next ran');
  await expect(failing).rejects.toThrow('turn failed');
  expect(await next).toBe('next ran');
});
