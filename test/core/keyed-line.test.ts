import { expect, test } from 'vitest';
import { createKeyedLine } from '../../src/core/keyed-line.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('work under one key runs one at a time in call order, even when the first is slowest', async () => {
  const line = createKeyedLine();
  const log: string[] = [];
  const job = (name: string, ms: number) => line.run('k', async () => { log.push(`start ${name}`); await tick(ms); log.push(`end ${name}`); return name; });
  expect(await Promise.all([job('a', 30), job('b', 1), job('c', 10)])).toEqual(['a', 'b', 'c']);
  expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
});

test('a failure rejects its own caller only; the work queued behind it still runs, and idle keys are forgotten', async () => {
  const line = createKeyedLine();
  const failed = line.run('k', async () => { await tick(5); throw new Error('boom'); });
  const next = line.run('k', async () => 'ran');
  expect(line.keys).toBe(1);
  await expect(failed).rejects.toThrow('boom');
  expect(await next).toBe('ran');
  await tick(0);
  expect(line.keys).toBe(0);
});
