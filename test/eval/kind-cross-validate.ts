// `npx tsx test/eval/kind-cross-validate.ts [share…]`: incident-vs-service-request macro-F1 measured on the seed
// catalogue alone (no kind-*.jsonl set is read), for each kind-model share given (default: the shipped one).
// - `unseenTopics`: each incident or service-request intent in turn is left out of training and its examples are
//   classified, i.e. topics the catalogue has no examples for.
// - `heldOutExamples`: 5-fold cross-validation over the examples, i.e. new wordings of known topics.
// Kind settings are chosen by the mean of the two; the kind-*.jsonl sets are only scored.
import { createUnderstander, KIND_MODEL_SHARE } from '../../src/classification/understand.js';
import { loadSeedIntents } from '../../src/classification/load-seed-intents.js';
import type { IntentDefinition } from '../../src/classification/types.js';

const FOLDS = 5;
const seed = loadSeedIntents();
const scored = (i: IntentDefinition) => i.kind === 'incident' || i.kind === 'service_request';

/** Kind macro-F1 and confusion of one set of (expected, got) pairs. */
function figures(pairs: Array<[expected: string, got: string]>) {
  const f1 = (kind: string) => {
    const tp = pairs.filter(([e, g]) => e === kind && g === kind).length;
    const fp = pairs.filter(([e, g]) => e !== kind && g === kind).length;
    const fn = pairs.filter(([e, g]) => e === kind && g !== kind).length;
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  };
  return {
    macroF1: Math.round(((f1('incident') + f1('service_request')) / 2) * 10000) / 10000,
    items: pairs.length,
    incidentAsRequest: pairs.filter(([e, g]) => e === 'incident' && g === 'service_request').length,
    requestAsIncident: pairs.filter(([e, g]) => e === 'service_request' && g === 'incident').length,
    other: pairs.filter(([, g]) => g !== 'incident' && g !== 'service_request').length,
  };
}

function unseenTopics(share: number) {
  const pairs: Array<[string, string]> = [];
  for (const held of seed.intents.filter(scored)) {
    const understander = createUnderstander(seed.intents.filter((i) => i !== held), seed.outOfScopeExamples, { kindModelShare: share });
    for (const text of held.examples) pairs.push([held.kind, understander.understand(text).kind]);
  }
  return figures(pairs);
}

function heldOutExamples(share: number) {
  const pairs: Array<[string, string]> = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    // Every FOLDS-th example of each intent, offset by the fold: each intent keeps most of its examples in training.
    const train = seed.intents.map((i) => ({ ...i, examples: i.examples.filter((_, n) => n % FOLDS !== fold) }));
    const understander = createUnderstander(train, seed.outOfScopeExamples, { kindModelShare: share });
    for (const intent of seed.intents.filter(scored)) {
      for (const text of intent.examples.filter((_, n) => n % FOLDS === fold)) pairs.push([intent.kind, understander.understand(text).kind]);
    }
  }
  return figures(pairs);
}

const shares = process.argv.slice(2).map(Number);
for (const share of shares.length > 0 ? shares : [KIND_MODEL_SHARE]) {
  const unseen = unseenTopics(share);
  const heldOut = heldOutExamples(share);
  const mean = Math.round(((unseen.macroF1 + heldOut.macroF1) / 2) * 10000) / 10000;
  console.log(JSON.stringify({ kindModelShare: share, mean, unseenTopics: unseen, heldOutExamples: heldOut }));
}
