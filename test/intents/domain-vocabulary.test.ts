import { expect, test } from 'vitest';
import { buildDomainVocabulary } from '../../src/intents/domain-vocabulary.js';

const vocabulary = buildDomainVocabulary(['outlook not syncing', 'need visio licence', 'Connect to the VPN'], ['what is the weather tomorrow', 'where is lunch']);

test('IT words from examples, titles and the lexicon count', () => {
  expect(vocabulary.covers('Which PDF viewer would you recommend?')).toBe(true);
  expect(vocabulary.covers('is there an SSH connection manager')).toBe(true);
  expect(vocabulary.covers('OUTLOOK keeps asking')).toBe(true);
  expect(vocabulary.covers('visio')).toBe(true);
});

test('chit-chat and the out-of-scope examples do not', () => {
  expect(vocabulary.covers('what is the weather like')).toBe(false);
  expect(vocabulary.covers('where do we get lunch today')).toBe(false);
  expect(vocabulary.covers('who won the football game')).toBe(false);
  expect(vocabulary.covers('')).toBe(false);
});
