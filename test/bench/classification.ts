import { standaloneModelOptions, trainIntentModel, NONE_LABEL } from '../../src/classification/train-intent-model.js';
import { createUnderstander } from '../../src/classification/understand.js';
import { loadSeedIntents } from '../../src/classification/load-seed-intents.js';
import { seededRandom } from '../../src/classification/seeded-random.js';
import type { LabeledExample } from '../../src/classification/types.js';

/**
 * Classification speed: p50/p99 of `IntentModel.predict` and of `Understander.understand` on the seed catalogue
 * (milliseconds per message, over perturbed seed texts), and the time to train an intent model on 10,000 examples
 * (perturbed seed examples, the seed's labels) with the default and with the standalone settings.
 * Also the time to build the seed understander (both models, with augmentation).
 * @returns `{ predictP50Ms, predictP99Ms, understandP50Ms, understandP99Ms, understandP99CpuMs, train10kMs, train10kCpuMs, train10kStandaloneCpuMs, understanderTrainMs, labels }`
 */
export async function benchClassification(): Promise<object> {
  const seed = loadSeedIntents();
  const examples: LabeledExample[] = [
    ...seed.intents.flatMap((i) => i.examples.map((text) => ({ text, label: i.name }))),
    ...seed.outOfScopeExamples.map((text) => ({ text, label: NONE_LABEL })),
  ];
  const random = seededRandom(42);
  const big = Array.from({ length: 10_000 }, () => perturb(examples[Math.floor(random() * examples.length)]!, random));
  const trainStarted = performance.now();
  const trainCpu = process.cpuUsage();
  trainIntentModel(big);
  const train10kMs = performance.now() - trainStarted;
  // CPU time of this process: on a shared machine wall time also counts the time other processes had the core.
  const cpu = process.cpuUsage(trainCpu);
  const train10kCpuMs = (cpu.user + cpu.system) / 1000;
  // Models trained on an admin's file use the standalone settings (one more model term, number shapes).
  const standaloneCpu = process.cpuUsage();
  trainIntentModel(big, standaloneModelOptions);
  const standaloneUsed = process.cpuUsage(standaloneCpu);
  const train10kStandaloneCpuMs = (standaloneUsed.user + standaloneUsed.system) / 1000;

  const model = trainIntentModel(examples);
  const understanderStarted = performance.now();
  const understander = createUnderstander(seed.intents, seed.outOfScopeExamples);
  const understanderTrainMs = performance.now() - understanderStarted;
  const queries = Array.from({ length: 3000 }, () => perturb(examples[Math.floor(random() * examples.length)]!, random).text);
  const predict = timings(queries, (q) => model.predict(q));
  const understand = timings(queries, (q) => understander.understand(q));
  const understandCpu = cpuTimings(queries, (q) => understander.understand(q));
  return {
    predictP50Ms: round(percentile(predict, 0.5)),
    predictP99Ms: round(percentile(predict, 0.99)),
    understandP50Ms: round(percentile(understand, 0.5)),
    understandP99Ms: round(percentile(understand, 0.99)),
    understandP99CpuMs: round(percentile(understandCpu, 0.99)),
    train10kMs: Math.round(train10kMs),
    train10kCpuMs: Math.round(train10kCpuMs),
    train10kStandaloneCpuMs: Math.round(train10kStandaloneCpuMs),
    understanderTrainMs: Math.round(understanderTrainMs),
    labels: model.labels.length,
  };
}

const FILLER = ['please', 'hi', 'urgent', 'again', 'today', 'since monday', 'on my laptop', 'at home', 'thanks', 'help'];

// Variation so the 10k set is not 800 texts repeated: a filler phrase and, sometimes, a typo (two letters swapped).
function perturb(example: LabeledExample, random: () => number): LabeledExample {
  let text = `${example.text} ${FILLER[Math.floor(random() * FILLER.length)]}`;
  if (random() < 0.5 && text.length > 3) {
    const i = 1 + Math.floor(random() * (text.length - 3));
    text = text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
  }
  return { text, label: example.label };
}

function timings(queries: string[], run: (q: string) => unknown): number[] {
  for (const q of queries.slice(0, 200)) run(q); // warm up the JIT
  return queries.map((q) => {
    const started = performance.now();
    run(q);
    return performance.now() - started;
  }).sort((a, b) => a - b);
}

// Per-call CPU time (process.cpuUsage, microseconds): unlike wall time it leaves out the milliseconds the process
// waits while other processes have the core, which dominate wall-time p99 on a shared machine.
function cpuTimings(queries: string[], run: (q: string) => unknown): number[] {
  return queries.map((q) => {
    const started = process.cpuUsage();
    run(q);
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000;
  }).sort((a, b) => a - b);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
