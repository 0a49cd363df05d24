import { expect, test } from 'vitest';
import { createUnderstander } from '../../src/classification/understand.js';
import type { IntentDefinition, IntentKind } from '../../src/classification/types.js';

const intent = (name: string, kind: IntentKind, examples: string[]): IntentDefinition => ({ name, kind, description: name, defaultImpact: 3, defaultUrgency: 3, examples });

// Four incident topics share the failure words; one question intent owns "wiki". A failure of a topic the catalogue
// lacks, mentioning the wiki, spreads over the four incident intents while the question intent keeps its share whole.
const catalogue = [
  intent('printer_fault', 'incident', ['printer is broken', 'printer not working', 'printer crashed and fails', 'printer error']),
  intent('laptop_fault', 'incident', ['laptop is broken', 'laptop not working', 'laptop crashed and fails', 'laptop error']),
  intent('phone_fault', 'incident', ['phone is broken', 'phone not working', 'phone crashed and fails', 'phone error']),
  intent('screen_fault', 'incident', ['screen is broken', 'screen not working', 'screen crashed and fails', 'screen error']),
  intent('wiki_question', 'question', ['where is the wiki', 'how do i use the wiki', 'wiki page for onboarding', 'link to the wiki']),
];

test('the kind is chosen before the intent, and the chosen intent leads the alternatives', () => {
  const understander = createUnderstander(catalogue);
  const u = understander.understand('kiosk broken wiki');
  const byShare = [...u.alternatives].sort((a, b) => b.confidence - a.confidence);
  expect(u.kind).toBe('incident');
  expect(u.alternatives[0]!.intent).toBe(u.intent);
  // The case this guards: one intent of another kind had the largest single share.
  expect(byShare[0]!.intent).toBe('wiki_question');
});
