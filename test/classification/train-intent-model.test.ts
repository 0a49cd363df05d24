import { describe, expect, it } from 'vitest';
import { trainIntentModel } from '../../src/classification/train-intent-model.js';
import { DeskbotError } from '../../src/core/errors.js';

const examples = [
  ...['book a flight', 'flight to paris', 'i need a plane ticket', 'fly to berlin tomorrow', 'cheapest flight to rome'].map((text) => ({ text, label: 'flight' })),
  ...['book a hotel', 'hotel room in paris', 'i need somewhere to sleep', 'room for two nights', 'cheap hotel near the station'].map((text) => ({ text, label: 'hotel' })),
  ...['what is the weather', 'tell me a joke', 'who are you', 'sing a song'].map((text) => ({ text, label: 'None' })),
];

describe('trainIntentModel', () => {
  const model = trainIntentModel(examples);

  it('lists the labels without None', () => {
    expect(model.labels).toEqual(['flight', 'hotel']);
  });

  it('predicts seen and unseen phrasings with a ranking of every label, best first, scores 0..1', () => {
    const p = model.predict('please find me a flight to madrid');
    expect(p.label).toBe('flight');
    expect(p.ranking.map((r) => r.label)).toEqual(['flight', 'hotel']);
    expect(p.ranking[0]!.score).toBeGreaterThan(p.ranking[1]!.score);
    for (const r of p.ranking) expect(r.score).toBeGreaterThanOrEqual(0);
    expect(model.predict('a hotle room for tonight').label).toBe('hotel');
  });

  it('returns null for the None class and for text with no known feature', () => {
    expect(model.predict('tell me a joke please').label).toBeNull();
    const unknown = model.predict('zzzz qqqq');
    expect(unknown.label).toBeNull();
    expect(unknown.confidence).toBe(0);
  });

  it('honours minConfidence', () => {
    const strict = trainIntentModel(examples, { minConfidence: 0.999 });
    expect(strict.predict('flight').label).toBeNull();
  });

  it('refuses training data without an intent', () => {
    expect(() => trainIntentModel([{ text: 'hello', label: 'None' }])).toThrow(DeskbotError);
  });

  it('is deterministic', () => {
    const again = trainIntentModel(examples);
    expect(again.predict('room for tonight')).toEqual(model.predict('room for tonight'));
  });
});
