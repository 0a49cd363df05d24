import { beforeAll, expect, it } from 'vitest';
import { loadSeedIntents } from '../../src/classification/load-seed-intents.js';
import { trainUnderstandingModels, understanderFromModels } from '../../src/classification/understand.js';
import { intentModelFromData, standaloneModelOptions, trainIntentModel } from '../../src/classification/train-intent-model.js';
import {
  transferablesOf, understandingModelsFromData, understandingModelsToData, type UnderstandingModels,
} from '../../src/classification/trained-model-data.js';
import type { IntentDefinition } from '../../src/classification/types.js';
import { defaultFeatureOptions } from '../../src/classification/extract-features.js';
import { kindCues } from '../../src/classification/kind-cues.js';

let intents: IntentDefinition[];
let trained: UnderstandingModels;
// In-scope, out-of-scope, unseen words, kind cues, empty, and shorthand: every branch of vectorizing and scoring.
const texts = [
  'my vpn keeps dropping', 'i need a new laptop', 'how do i reset my password?', 'printer not working on floor 3',
  'what is the weather today', 'zxqv blorp', '', 'pls add me to the finance share', 'outlook crashes when i open it',
  'can i get access to salesforce', 'the wifi in building b is down', 'my badge stopped working', 'INC0001234 status?',
];

beforeAll(() => {
  const seed = loadSeedIntents();
  intents = seed.intents;
  trained = trainUnderstandingModels(seed.intents, seed.outOfScopeExamples);
});

it('rebuilds both models from data (sent across a thread boundary) with exactly the same predictions', () => {
  const data = understandingModelsToData(trained);
  const expected = texts.map((t) => [trained.intentModel.predict(t), trained.kindModel.predict(t)]);
  // structuredClone with a transfer list is what postMessage does between threads; it detaches the originals.
  const copy = structuredClone(data, { transfer: transferablesOf(data) });
  const rebuilt = understandingModelsFromData(copy);
  expect(texts.map((t) => [rebuilt.intentModel.predict(t), rebuilt.kindModel.predict(t)])).toEqual(expected);
  expect(rebuilt.intentModel.labels).toEqual(trained.intentModel.labels);
});

it('an understander over rebuilt models understands every text as the original does', () => {
  const seed = loadSeedIntents();
  const fresh = trainUnderstandingModels(seed.intents, seed.outOfScopeExamples);
  const original = understanderFromModels(intents, fresh);
  const expected = texts.map((t) => original.understand(t));
  const rebuilt = understanderFromModels(intents, understandingModelsFromData(structuredClone(understandingModelsToData(fresh))));
  expect(texts.map((t) => rebuilt.understand(t))).toEqual(expected);
  expect(expected.some((u) => u.kind === 'incident') && expected.some((u) => u.kind === 'out_of_scope')).toBe(true);
});

it('keeps the standalone model options (number shapes, naive Bayes, abstain threshold) through the data', () => {
  const model = trainIntentModel([
    { text: 'flight from boston to denver at 10 15', label: 'Flight' }, { text: 'when does the train 4512 leave', label: 'DepartureTime' },
    { text: 'book a flight to new york', label: 'Flight' }, { text: 'departure time of the 8 05 train', label: 'DepartureTime' },
  ], standaloneModelOptions);
  const rebuilt = intentModelFromData(structuredClone(model.toData()));
  for (const t of ['flight to denver', 'train 9999 departure', 'hello']) expect(rebuilt.predict(t)).toEqual(model.predict(t));
});

it('refuses to rebuild a model that used cue words without the cue function', () => {
  const withCues = trainIntentModel(
    [{ text: 'my laptop is broken', label: 'incident' }, { text: 'i need a new laptop', label: 'service_request' }],
    { features: { ...defaultFeatureOptions, cues: kindCues } },
  );
  expect(() => intentModelFromData(structuredClone(withCues.toData()))).toThrow(/cue function/);
  const rebuilt = intentModelFromData(structuredClone(withCues.toData()), kindCues);
  expect(rebuilt.predict('the laptop will not start')).toEqual(withCues.predict('the laptop will not start'));
});
