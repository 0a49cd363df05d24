// `npx tsx test/eval/tune-intents.ts [variant…]`: repeated stratified 5-fold cross-validation on the TRAIN splits of
// the Braun et al. corpora for named settings variants (never the test split): how the standalone settings were chosen.
// Each repeat is one full 5-fold pass with its own shuffle; every variant sees the same folds, so a variant's
// difference to `current` is paired per repeat. Printed per corpus: mean micro-F1 ± std over repeats, and the mean
// paired difference to `current` ± its std over repeats (the spread of the fold draws, not of the data: the train
// splits are tiny, so treat differences under ~2 points as noise whatever the std says).
import path from 'node:path';
import { standaloneModelOptions, trainIntentModel, type TrainIntentModelOptions } from '../../src/classification/train-intent-model.js';
import { defaultFeatureOptions } from '../../src/classification/extract-features.js';
import { readCorpora } from './intents-corpus.js';
import { crossValidate } from './cross-validate.js';

const plainFeatures = defaultFeatureOptions;
const withShapes = { ...defaultFeatureOptions, numberShapes: true };

// The chosen settings, the ones before them, and the neighbours that were measured against them (README, Classification).
const variants: Record<string, TrainIntentModelOptions> = {
  current: standaloneModelOptions,
  previous: { labelNameExamples: true, minConfidence: 0.5 },
  noNumberShapes: { ...standaloneModelOptions, features: plainFeatures },
  noNaiveBayes: { ...standaloneModelOptions, naiveBayesWeight: 0 },
  naiveBayes8: { ...standaloneModelOptions, naiveBayesWeight: 8 },
  naiveBayes16: { ...standaloneModelOptions, naiveBayesWeight: 16 },
  naiveBayesAlpha1: { ...standaloneModelOptions, naiveBayesAlpha: 1 },
  l2e5: { ...standaloneModelOptions, l2: 1e-5 },
  l2e3: { ...standaloneModelOptions, l2: 1e-3 },
  noLabelNames: { ...standaloneModelOptions, labelNameExamples: false },
  abstain045: { ...standaloneModelOptions, minConfidence: 0.45 },
  abstain055: { ...standaloneModelOptions, minConfidence: 0.55 },
  abstainFitted: { ...standaloneModelOptions, minConfidence: 'cross-validated' },
  noAbstain: { ...standaloneModelOptions, minConfidence: 0 },
  centroid4: { ...standaloneModelOptions, centroidWeight: 4 },
  centroid16: { ...standaloneModelOptions, centroidWeight: 16 },
  calibration5: { ...standaloneModelOptions, calibrationFolds: 5 },
  unbalanced: { ...standaloneModelOptions, balanced: false },
  noWordPairs: { ...standaloneModelOptions, groupWeights: { word: 1, bigram: 0, char: 1.2, cue: 1 } },
  charWeight2: { ...standaloneModelOptions, groupWeights: { word: 1, bigram: 0.5, char: 2, cue: 1 } },
  charGrams2to5: { ...standaloneModelOptions, features: { ...withShapes, charNgrams: [2, 3, 4, 5] } },
  charGrams3to4: { ...standaloneModelOptions, features: { ...withShapes, charNgrams: [3, 4] } },
};

const dir = process.env.EVAL_DIR ?? path.resolve(import.meta.dirname, '../../../shared/eval');
const corpora = await readCorpora(path.join(dir, 'intents'));
const repeats = Number(process.env.REPEATS ?? 20);
const chosen = process.argv.slice(2);

/** Micro-F1 of every repeat (one full 5-fold pass each, seeded by its number) per corpus, and the pooled None P/R. */
function measure(options: TrainIntentModelOptions): Map<string, { perRepeat: number[]; noneP: number | null; noneR: number | null }> {
  const out = new Map<string, { perRepeat: number[]; noneP: number | null; noneR: number | null }>();
  for (const [corpus, items] of corpora) {
    const train = items.filter((i) => i.split === 'train');
    const perRepeat: number[] = [];
    for (let r = 0; r < repeats; r++) {
      perRepeat.push(crossValidate(train, (examples) => trainIntentModel(examples, options), { folds: 5, repeats: 1, seed: 3 + r }).microF1);
    }
    const pooled = crossValidate(train, (examples) => trainIntentModel(examples, options), { folds: 5, repeats: Math.min(repeats, 5), seed: 3 });
    out.set(corpus, { perRepeat, noneP: pooled.nonePrecision, noneR: pooled.noneRecall });
  }
  return out;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const std = (xs: number[]) => Math.sqrt(xs.reduce((a, b) => a + (b - mean(xs)) ** 2, 0) / Math.max(1, xs.length - 1));
const baseline = measure(variants.current!);
for (const name of chosen.length > 0 ? chosen : Object.keys(variants)) {
  const options = variants[name];
  if (!options) throw new Error(`unknown variant ${name}`);
  const figures = name === 'current' ? baseline : measure(options);
  const row: string[] = [];
  let sum = 0;
  let diffSum = 0;
  for (const [corpus, f] of figures) {
    const diffs = f.perRepeat.map((v, r) => v - baseline.get(corpus)!.perRepeat[r]!);
    sum += mean(f.perRepeat);
    diffSum += mean(diffs);
    row.push(`${corpus.slice(0, 8)} ${mean(f.perRepeat).toFixed(3)}±${std(f.perRepeat).toFixed(3)} Δ${mean(diffs) >= 0 ? '+' : ''}${mean(diffs).toFixed(3)}±${std(diffs).toFixed(3)} None P/R ${f.noneP?.toFixed(2) ?? '-'}/${f.noneR?.toFixed(2) ?? '-'}`);
  }
  const d = diffSum / figures.size;
  console.log(`${name.padEnd(16)} mean ${(sum / figures.size).toFixed(3)} Δ${d >= 0 ? '+' : ''}${d.toFixed(3)} | ${row.join(' | ')}`);
}
