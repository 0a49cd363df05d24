// `npx tsx test/eval/tune-intents.ts [variant…]`: repeated stratified 5-fold cross-validation on the TRAIN splits of
// the Braun et al. corpora for named settings variants (never the test split): how the standalone settings were chosen.
import path from 'node:path';
import { standaloneModelOptions, trainIntentModel, type TrainIntentModelOptions } from '../../src/classification/train-intent-model.js';
import { readCorpora } from './intents-corpus.js';
import { crossValidate } from './cross-validate.js';

const variants: Record<string, TrainIntentModelOptions> = {
  current: standaloneModelOptions,
  conf04: { ...standaloneModelOptions, minConfidence: 0.4 },
  conf03: { ...standaloneModelOptions, minConfidence: 0.3 },
  confcv: { ...standaloneModelOptions, minConfidence: 'cross-validated' },
  conf0: { ...standaloneModelOptions, minConfidence: 0 },
  cent4: { ...standaloneModelOptions, centroidWeight: 4 },
  cent16: { ...standaloneModelOptions, centroidWeight: 16 },
  l2e4: { ...standaloneModelOptions, l2: 1e-4 },
  l2e6: { ...standaloneModelOptions, l2: 1e-6 },
  nolabel: { ...standaloneModelOptions, labelNameExamples: false },
  conf06: { ...standaloneModelOptions, minConfidence: 0.6 },
  conf055: { ...standaloneModelOptions, minConfidence: 0.55 },
  cal5: { ...standaloneModelOptions, calibrationFolds: 5 },
  unbal: { ...standaloneModelOptions, balanced: false },
  big0: { ...standaloneModelOptions, groupWeights: { word: 1, bigram: 0, char: 1.2, cue: 1 } },
  big1: { ...standaloneModelOptions, groupWeights: { word: 1, bigram: 1, char: 1.2, cue: 1 } },
  char08: { ...standaloneModelOptions, groupWeights: { word: 1, bigram: 0.5, char: 0.8, cue: 1 } },
  char2: { ...standaloneModelOptions, groupWeights: { word: 1, bigram: 0.5, char: 2, cue: 1 } },
  ng2to5: { ...standaloneModelOptions, features: { charNgrams: [2, 3, 4, 5], bigrams: true } },
  ng3to4: { ...standaloneModelOptions, features: { charNgrams: [3, 4], bigrams: true } },
  num: { ...standaloneModelOptions, features: { charNgrams: [3, 4, 5], bigrams: true, numberShapes: true } },
  nb4: { ...standaloneModelOptions, naiveBayesWeight: 4 },
  nb16: { ...standaloneModelOptions, naiveBayesWeight: 16 },
  nb64: { ...standaloneModelOptions, naiveBayesWeight: 64 },
  nb16a1: { ...standaloneModelOptions, naiveBayesWeight: 16, naiveBayesAlpha: 1 },
  nb16a01: { ...standaloneModelOptions, naiveBayesWeight: 16, naiveBayesAlpha: 0.1 },
  nb8: { ...standaloneModelOptions, naiveBayesWeight: 8 },
  numnb4: { ...standaloneModelOptions, naiveBayesWeight: 4, features: { charNgrams: [3, 4, 5], bigrams: true, numberShapes: true } },
  numnb8: { ...standaloneModelOptions, naiveBayesWeight: 8, features: { charNgrams: [3, 4, 5], bigrams: true, numberShapes: true } },
  numnb4l2: { ...standaloneModelOptions, l2: 1e-4, naiveBayesWeight: 4, features: { charNgrams: [3, 4, 5], bigrams: true, numberShapes: true } },
  nonone: { ...standaloneModelOptions, ignoreNoneExamples: true },
  nonone06: { ...standaloneModelOptions, ignoreNoneExamples: true, minConfidence: 0.6 },
  cand: { ...standaloneModelOptions, l2: 1e-4, naiveBayesWeight: 4, features: { charNgrams: [3, 4, 5], bigrams: true, numberShapes: true } },
  candl3: { ...standaloneModelOptions, l2: 1e-3, naiveBayesWeight: 4, features: { charNgrams: [3, 4, 5], bigrams: true, numberShapes: true } },
  candnonone: { ...standaloneModelOptions, ignoreNoneExamples: true, l2: 1e-4, naiveBayesWeight: 4, features: { charNgrams: [3, 4, 5], bigrams: true, numberShapes: true } },
  cand045: { ...standaloneModelOptions, minConfidence: 0.45, l2: 1e-4, naiveBayesWeight: 4, features: { charNgrams: [3, 4, 5], bigrams: true, numberShapes: true } },
};

const dir = process.env.EVAL_DIR ?? path.resolve(import.meta.dirname, '../../../shared/eval');
const corpora = await readCorpora(path.join(dir, 'intents'));
const repeats = Number(process.env.REPEATS ?? 10);
const chosen = process.argv.slice(2);
for (const name of chosen.length > 0 ? chosen : Object.keys(variants)) {
  const options = variants[name];
  if (!options) throw new Error(`unknown variant ${name}`);
  const row: string[] = [];
  let sum = 0;
  for (const [corpus, items] of corpora) {
    const train = items.filter((i) => i.split === 'train');
    const cv = crossValidate(train, (examples) => trainIntentModel(examples, options), { folds: 5, repeats, seed: 3 });
    sum += cv.microF1;
    row.push(`${corpus.slice(0, 8)} ${cv.microF1.toFixed(3)} None P/R ${cv.nonePrecision?.toFixed(2) ?? '-'}/${cv.noneRecall?.toFixed(2) ?? '-'}`);
  }
  console.log(`${name.padEnd(10)} mean ${(sum / corpora.size).toFixed(3)} | ${row.join(' | ')}`);
}
