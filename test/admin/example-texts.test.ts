import { expect, test } from 'vitest';
import { exampleTextsByKey, newExampleTexts } from '../../src/admin/draft/example-texts.js';

test('example texts are stored collapsed, blanks dropped, one per spelling ignoring case (the first kept)', () => {
  const wanted = exampleTextsByKey(['  VPN   down ', 'vpn down', '\t', 'printer\njammed', 'Printer jammed']);
  expect([...wanted]).toEqual([['vpn down', 'VPN down'], ['printer jammed', 'printer jammed']]);
});

test('only texts the intent does not hold in any case are new', () => {
  const wanted = exampleTextsByKey(['VPN down', 'wifi is slow']);
  expect(newExampleTexts(wanted, ['vpn DOWN'])).toEqual(['wifi is slow']);
  expect(newExampleTexts(wanted, [])).toEqual(['VPN down', 'wifi is slow']);
});

test('an accent typed as a combining mark is the same example as the precomposed letter: stored in NFC', () => {
  const wanted = exampleTextsByKey(['cafe\u0301 wifi down', 'CAF\u00c9  WIFI DOWN']);
  expect([...wanted]).toEqual([['caf\u00e9 wifi down', 'caf\u00e9 wifi down']]);
  expect(newExampleTexts(exampleTextsByKey(['Cafe\u0301 printer']), ['caf\u00e9 printer'])).toEqual([]);
});
