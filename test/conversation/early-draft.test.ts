import { expect, test } from 'vitest';
import { earlyDraftFor, type EarlyDraft } from '../../src/conversation/draft-before-turn.js';

const card = (slug: string) => ({ id: slug, slug, title: slug, snippet: '' });
const draft: EarlyDraft = { question: 'which pdf viewer?', slugs: ['pdf-viewers', 'install-software'], reply: { text: 'Use the company viewer.' } };

test('the turn uses the early draft only for the question and articles it was drafted from', () => {
  expect(earlyDraftFor(draft, 'which pdf viewer?', [card('pdf-viewers'), card('install-software')])).toBe(draft.reply);
  // Another question, other articles, another order, or no draft at all: answer without one (never call the model in the transaction).
  expect(earlyDraftFor(draft, 'which browser?', [card('pdf-viewers'), card('install-software')])).toBeNull();
  expect(earlyDraftFor(draft, 'which pdf viewer?', [card('pdf-viewers')])).toBeNull();
  expect(earlyDraftFor(draft, 'which pdf viewer?', [card('install-software'), card('pdf-viewers')])).toBeNull();
  expect(earlyDraftFor(null, 'which pdf viewer?', [card('pdf-viewers'), card('install-software')])).toBeNull();
});
