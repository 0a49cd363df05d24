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
