import { expect, test } from 'vitest';
import { runInWorker, type WorkerJobOptions } from '../../src/core/run-in-worker.js';

const entry = new URL('./fixtures/sample-worker.ts', import.meta.url).href;
const job = (input: unknown, more: Partial<WorkerJobOptions> = {}) =>
  runInWorker<unknown>({ entry, input, name: 'The sample job', jobFailed: 'Sample failed', timeoutMs: 60_000, heapMb: 256, ...more });

test('returns what the worker computed from its input', async () => {
  expect(await job({ do: 'double', n: 21 })).toBe(42);
});

test('a job that throws is refused with 400 and its message', async () => {
  const err = await job({ do: 'throw' }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'bad_request', status: 400, message: 'Sample failed: no intent has examples' });
});

test('a job past its time is stopped and refused with 503, naming the limit and the advice', async () => {
  const err = await job({ do: 'spin' }, { timeoutMs: 200, advice: { timeout: 'try less' } }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'internal', status: 503, message: 'The sample job took longer than 1 s and was stopped; try less.' });
  const coded = await job({ do: 'spin' }, { timeoutMs: 200, timeoutCode: 'evaluation_timeout' }).catch((e: unknown) => e);
  expect(coded).toMatchObject({ code: 'evaluation_timeout', status: 503 });
});

test('a job past its heap dies in its worker, not this process, and is refused with 503', async () => {
  const err = await job({ do: 'hog' }, { heapMb: 64, advice: { memory: 'try a smaller file' } }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'internal', status: 503, message: 'The sample job needed more than 64 MB and was stopped; try a smaller file.' });
  expect(await job({ do: 'double', n: 1 })).toBe(2);
}, 60_000);

test('a worker that exits without answering is refused with 503', async () => {
  const err = await job({ do: 'exit' }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'internal', status: 503, message: 'The sample job was stopped (worker exit code 3).' });
});

test('aborting stops a running job, and a job started after the abort is refused at once', async () => {
  const stop = new AbortController();
  const running = job({ do: 'spin' }, { signal: stop.signal });
  setTimeout(() => stop.abort(), 100);
  await expect(running).rejects.toMatchObject({ status: 503, message: 'The sample job was stopped.' });
  await expect(job({ do: 'double', n: 1 }, { signal: stop.signal })).rejects.toMatchObject({ status: 503 });
});

test('buffers in the transfer list move to the worker, and a result\'s buffers move back', async () => {
  const bytes = new Uint8Array([1, 2, 3, 4]);
  expect(await job({ do: 'sum', bytes }, { transferList: [bytes.buffer] })).toEqual({ sum: 10, length: 4 });
  expect(bytes.byteLength).toBe(0);
  const back = await job({ do: 'buffer', size: 1024 });
  expect(back).toBeInstanceOf(Uint8Array);
  expect((back as Uint8Array)[1023]).toBe(7);
});
