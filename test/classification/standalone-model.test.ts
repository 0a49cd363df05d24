import { describe, expect, it } from 'vitest';
import { standaloneModelOptions, trainIntentModel } from '../../src/classification/train-intent-model.js';
import { fitAbstainThreshold } from '../../src/classification/fit-abstain-threshold.js';
import { crossValidate } from '../eval/cross-validate.js';

const examples = [
  ...['when is the next bus', 'next tram from the station', 'when does the u6 leave', 'departures at main square'].map((text) => ({ text, label: 'DepartureTime' })),
  ...['how do i get to the airport', 'route from home to work', 'connection to the zoo', 'way from a to b'].map((text) => ({ text, label: 'FindConnection' })),
];

describe('standalone model options', () => {
  it('learns label names as examples, so a label with words no example has is still found', () => {
    const plain = trainIntentModel(examples);
    const named = trainIntentModel(examples, { labelNameExamples: true });
    expect(named.predict('departure time please').label).toBe('DepartureTime');
    expect(named.labels).toEqual(plain.labels);
  });

  it('abstains (null label) below the confidence threshold instead of guessing', () => {
    // The same words under three labels: the model cannot be sure about them.
    const fares = ['how much is a day pass', 'price of a single fare', 'cost of the monthly pass'].map((text) => ({ text, label: 'TicketPrice' }));
    const labels = ['DepartureTime', 'FindConnection', 'TicketPrice'];
    const split = [...examples, ...fares, ...['bus ticket', 'bus ticket please'].flatMap((text) => labels.map((label) => ({ text, label })))];
    const guessing = trainIntentModel(split, { labelNameExamples: true });
    const careful = trainIntentModel(split, standaloneModelOptions);
    const texts = ['when is the next bus', 'route to the zoo', 'bus ticket', 'a ticket for the bus', 'time'];
    const unsure = texts.filter((t) => guessing.predict(t).confidence < 0.5);
    expect(unsure.length).toBeGreaterThan(0);
    for (const text of texts) expect(careful.predict(text).label === null).toBe(unsure.includes(text));
  });
});

describe('standalone model features', () => {
  const releases = [
    ...['upgrade to 12.04', 'update ubuntu 14.04 to 14.10', 'release upgrade from 13.10'].map((text) => ({ text, label: 'MakeUpdate' })),
    ...['install a music player', 'recommend a pdf reader', 'good video editor'].map((text) => ({ text, label: 'SoftwareRecommendation' })),
  ];

  it('knows that a number is there even when the number itself was never seen', () => {
    const withShapes = trainIntentModel(releases, standaloneModelOptions);
    const without = trainIntentModel(releases, { ...standaloneModelOptions, features: undefined });
    expect(withShapes.predict('17.05 -> 19.08').label).toBe('MakeUpdate');
    expect(without.predict('17.05 -> 19.08').label).toBeNull();
  });

  it('adds the complement naive Bayes term to the scores without changing clear answers', () => {
    const withBayes = trainIntentModel(releases, { naiveBayesWeight: 4 });
    const without = trainIntentModel(releases);
    const text = 'which pdf reader should i install';
    expect(withBayes.predict(text).label).toBe('SoftwareRecommendation');
    expect(withBayes.predict(text).ranking).not.toEqual(without.predict(text).ranking);
  });
});

describe('fitAbstainThreshold', () => {
  it('picks a threshold between confident right answers and unsure wrong ones, within bounds', () => {
    // Two classes; items 0-3 right and confident, items 4-5 wrong and unsure.
    const logits = [[4, 0], [0, 4], [3, 0], [0, 3], [0.2, 0], [0, 0.2]].map((z) => Float64Array.from(z));
    const labels = [0, 1, 0, 1, 1, 0];
    const threshold = fitAbstainThreshold(logits, labels, 1, undefined, { floor: 0.1, ceiling: 0.9 });
    expect(threshold).toBeGreaterThan(0.55);
    expect(threshold).toBeLessThan(0.95);
    expect(fitAbstainThreshold(logits, labels, 1, undefined, { floor: 0.1, ceiling: 0.3 })).toBe(0.3);
  });
});

describe('crossValidate', () => {
  it('scores held-out predictions of every fold', () => {
    const score = crossValidate(examples, (train) => trainIntentModel(train), { folds: 4, repeats: 2 });
    expect(score.testItems).toBe(16);
    expect(score.microF1).toBeGreaterThan(0.5);
  });
});
