import { expect, test } from 'vitest';
import { exportIntentFile } from '../../src/admin/formats/export-intent-file.js';
import { intentFileFormats } from '../../src/admin/formats/intent-file.js';
import { parseIntentFile } from '../../src/admin/formats/parse-intent-file.js';
import type { ModelSnapshot } from '../../src/model-versions/model-snapshot.js';

/** Texts employees really type that look like markup in one format or another. */
const tricky = [
  'see [this link](http://x) now',
  'the [VPN]{"entity": "app"} is down',
  '[brackets] alone and (parentheses) alone',
  'a \\[backslash\\] before brackets and C:\\temp',
  'C:\\Users\\ada cannot be opened',
  '"quoted" and \'single\' quotes',
  'error: code 0x80070005: access denied',
  '- starts with a dash',
  '-- two dashes',
  '# not a comment',
  'issue #42 again',
  '=SUM(A1) looks like a formula',
  "'=already protected",
  '@channel printer down',
  'la machine à café est cassée ☕',
  '会議室のプロジェクターが壊れた',
  'key: value, other: {braces}',
  '| pipe > angle & amp *star* !bang %percent',
];

const snapshot: ModelSnapshot = {
  intents: [
    { name: 'it_trouble', kind: 'incident', description: '', defaultImpact: 3, defaultUrgency: 3, examples: tricky },
    { name: 'café_problème', kind: 'incident', description: '', defaultImpact: 3, defaultUrgency: 3, examples: ['the coffee [machine](device) leaks'] },
  ],
  outOfScopeExamples: ['[weather](topic) today?'],
};

test.each(intentFileFormats)('%s: export then import gives back every text exactly', (format) => {
  const file = exportIntentFile(snapshot, format, 'draft');
  const back = parseIntentFile(file.content, format);
  expect(back.skipped).toEqual([]);
  expect(back.intents.map((i) => [i.name, i.examples])).toEqual(snapshot.intents.map((i) => [i.name, i.examples]));
  expect(back.outOfScopeExamples).toEqual(snapshot.outOfScopeExamples);
});

test('Rasa: hand-written entity annotations are still reduced to their text; unescaped backslashes are left alone', () => {
  const rasa = 'nlu:\n- intent: browser\n  examples: |\n    - open [Chrome](app) please\n    - weather in [Leeds]{"entity": "city"}\n    - files in C:\\\\temp\n';
  expect(parseIntentFile(rasa, 'rasa').intents[0]!.examples).toEqual(['open Chrome please', 'weather in Leeds', 'files in C:\\\\temp']);
});
