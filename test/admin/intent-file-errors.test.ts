import { expect, test } from 'vitest';
import { parseIntentFile } from '../../src/admin/formats/parse-intent-file.js';

test('a file whose every intent was skipped says why, not just "no examples"', () => {
  const rasa = 'nlu:\n- intent: Bad Name!\n  examples: |\n    - hi there\n';
  expect(() => parseIntentFile(rasa, 'rasa')).toThrow(/no usable examples\. Skipped: intent "Bad Name!": not a usable intent name/);
  expect(() => parseIntentFile('text,intent\n', 'csv')).toThrow(/holds no usable examples\.$/);
});
