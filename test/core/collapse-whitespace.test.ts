import { expect, test } from 'vitest';
import { collapseWhitespace } from '../../src/core/collapse-whitespace.js';

test('trims and turns every inner run of whitespace, newlines and Unicode spaces included, into one space', () => {
  expect(collapseWhitespace('  my\t\tvpn \n\n is\u00a0\u2003down \r\n')).toBe('my vpn is down');
  expect(collapseWhitespace(' \n\t ')).toBe('');
});

test('joins with the given joiner, never putting one at either end', () => {
  expect(collapseWhitespace('  has   space \t', '_')).toBe('has_space');
});

test('changes nothing but whitespace: case, accents and control characters stay', () => {
  expect(collapseWhitespace('Cafe\u0301 \u0000X')).toBe('Cafe\u0301 \u0000X');
});
