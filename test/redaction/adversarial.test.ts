import { expect, test } from 'vitest';
import { redactSecrets } from '../../src/redaction/redact.js';

// Inputs built to make backtracking regexes blow up. A quadratic pattern would take minutes on these;
// the test timeout stops a regression instead of a timing assertion.
const size = 100_000;
const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const unchanged: Record<string, string> = {
  letters: fill('a'),
  spaces: fill(' '),
  jwtHeaders: fill('eyJ'),
  cardLikeGroups: fill('1234 '),
  digitsRun: fill('1'),
  schemes: fill('a://'),
  bearerWords: fill('Bearer '),
  dashes: fill('-'),
  colonsAts: fill(':@'),
  passwordBare: fill('password '),
  passwordFor: fill('password for for '),
  jwtHeadersOnly: fill('eyJabcdefghij'),
};

test.each(Object.entries(unchanged))('100 KB adversarial input finishes and is left alone: %s', (_name, text) => {
  const out = redactSecrets(text);
  expect(out.text).toBe(text);
  expect(out.redactions).toEqual([]);
}, 10_000);

test('100 KB runs of token prefixes are one token, not a slow scan', () => {
  expect(redactSecrets(fill('xoxb-')).text).toBe('[redacted api_token]');
  expect(redactSecrets(fill('sk-')).text).toBe('[redacted api_token]');
  const jwts = redactSecrets(fill('eyJabcdefghij.'));
  expect(jwts.text.startsWith('[redacted jwt].[redacted jwt].')).toBe(true);
  expect(jwts.text).not.toMatch(/eyJ/);
}, 10_000);

test('100 KB of unclosed quotes after password labels', () => {
  const out = redactSecrets(fill('password "'));
  expect(out.redactions).toHaveLength(size / 20);
  expect(out.text).toBe('password [redacted password]'.repeat(size / 20));
}, 10_000);

test('100 KB of BEGIN lines without END is one cut-off key', () => {
  const out = redactSecrets(fill('-----BEGIN RSA PRIVATE KEY-----'));
  expect(out.text).toBe('[redacted private_key]');
}, 10_000);

test('100 KB of repeated secrets redacts every one', () => {
  const unit = 'pw: Hunter22 card 4111111111111111 key sk-abcdefghijklmnopqrstuvwxyz012345\n';
  const count = Math.floor(size / unit.length);
  const out = redactSecrets(unit.repeat(count));
  expect(out.redactions).toHaveLength(3 * count);
  expect(out.text).toBe('pw: [redacted password] card [redacted card_number] key [redacted api_token]\n'.repeat(count));
}, 10_000);

test('a 100 KB password value after a label is hidden whole', () => {
  const out = redactSecrets(`password: ${'x1'.repeat(size / 2)} end`);
  expect(out.text).toBe('password: [redacted password] end');
}, 10_000);
