// `npx tsx test/eval/tune-intents.ts [variant…]`: repeated stratified 5-fold cross-validation on the TRAIN splits of
// the Braun et al. corpora for named settings variants (never the test split): how the standalone settings were chosen.
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
  console.log(`${name.padEnd(16)} mean ${(sum / corpora.size).toFixed(3)} | ${row.join(' | ')}`);
}
