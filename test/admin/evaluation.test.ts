import { afterAll, expect, test } from 'vitest';
import { createEvaluationRunner } from '../../src/admin/evaluation/evaluation-runner.js';
import { scorePredictions } from '../../src/admin/evaluation/score-predictions.js';
import { smallCatalogue } from './small-catalogue.js';

const runner = createEvaluationRunner();
afterAll(() => runner.close());

test('scores predictions as scikit-learn would: per-label precision, recall, F1 and the confusion matrix', () => {
  const p = (expected: string, predicted: string) => ({ text: `${expected}->${predicted}`, expected, predicted, confidence: 0.5 });
  const report = scorePredictions([p('a', 'a'), p('a', 'a'), p('a', 'b'), p('b', 'b'), p('b', 'out_of_scope'), p('out_of_scope', 'a')]);
  expect(report.confusion).toEqual({ labels: ['a', 'b', 'out_of_scope'], matrix: [[2, 1, 0], [0, 1, 1], [1, 0, 0]] });
  expect(report.accuracy).toBe(0.5);
  // a: precision 2/3, recall 2/3; b: precision 1/2, recall 1/2; out_of_scope: 0.
  expect(report.perIntent).toEqual([
    { intent: 'a', precision: 0.6667, recall: 0.6667, f1: 0.6667, support: 3 },
    { intent: 'b', precision: 0.5, recall: 0.5, f1: 0.5, support: 2 },
    { intent: 'out_of_scope', precision: 0, recall: 0, f1: 0, support: 1 },
  ]);
  expect(report.macroF1).toBe(Math.round(((2 / 3 + 0.5 + 0) / 3) * 10_000) / 10_000);
  expect(report.mistakes).toHaveLength(3);
});

test('k-fold cross-validation in a worker thread predicts every example exactly once', async () => {
  const snapshot = smallCatalogue();
  const report = await runner.run({ type: 'cross_validate', snapshot, folds: 3 });
  const total = snapshot.intents.reduce((n, i) => n + i.examples.length, 0) + snapshot.outOfScopeExamples.length;
  expect(report.examples).toBe(total);
  expect(report.confusion.matrix.flat().reduce((a, b) => a + b, 0)).toBe(total);
  expect(report.confusion.labels).toEqual(expect.arrayContaining(['vpn_down', 'password_reset', 'printer_jam', 'out_of_scope']));
  expect(report.accuracy).toBeGreaterThan(0.5);
  // Seeded folds: a rerun gives the same figures.
  expect(await runner.run({ type: 'cross_validate', snapshot, folds: 3 })).toEqual(report);
}, 120_000);

test('a held-out test set is scored against a model trained on everything', async () => {
  const report = await runner.run({
    type: 'test_set', snapshot: smallCatalogue(),
    tests: [{ text: 'my vpn will not connect', label: 'vpn_down' }, { text: 'printer jammed again', label: 'printer_jam' }, { text: 'what a lovely day for a picnic', label: 'out_of_scope' }],
  });
  expect(report.examples).toBe(3);
  expect(report.accuracy).toBe(1);
  const understood = await runner.run({ type: 'understand', snapshot: smallCatalogue(), texts: ['reset my password'] });
  expect(understood[0]).toMatchObject({ intent: 'password_reset' });
}, 120_000);

test('an evaluation that runs past its time is stopped with a clear 503, and the next one still runs', async () => {
  const hasty = createEvaluationRunner({ timeoutMs: 50 });
  try {
    const stopped = await hasty.run({ type: 'cross_validate', snapshot: smallCatalogue(), folds: 3 }).catch((err: unknown) => err);
    expect(stopped).toMatchObject({ code: 'evaluation_timeout', status: 503, message: expect.stringMatching(/took longer than 1 s and was stopped/) });
  } finally {
    await hasty.close();
  }
  const report = await runner.run({ type: 'cross_validate', snapshot: smallCatalogue(), folds: 3 });
  expect(report.accuracy).toBeGreaterThan(0.5);
}, 120_000);

test('past its queue the runner refuses with 503 busy, and the jobs already queued still run', async () => {
  const small = createEvaluationRunner({ maxQueued: 1 });
  try {
    const first = small.run({ type: 'understand', snapshot: smallCatalogue(), texts: ['vpn is down'] });
    const refused = await small.run({ type: 'understand', snapshot: smallCatalogue(), texts: ['printer jammed'] }).catch((err: unknown) => err);
    expect(refused).toMatchObject({ code: 'busy', status: 503, message: 'Too many evaluations are waiting; try again in a minute.' });
    expect((await first)[0]).toMatchObject({ intent: 'vpn_down' });
  } finally {
    await small.close();
  }
}, 120_000);
