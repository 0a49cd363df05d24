import { expect, test } from 'vitest';
import { redactObject } from '../../src/redaction/redact.js';

test('strings deep inside objects and arrays are redacted; the input is not changed', () => {
  const input = {
    msg: 'login failed',
    event: { text: 'my password is hunter2', attachments: ['ok', 'token=abcd1234efgh'], count: 3, ok: true, nothing: null },
  };
  const copy = structuredClone(input);
  const out = redactObject(input);
  expect(out).toEqual({
    msg: 'login failed',
    event: { text: 'my password is [redacted password]', attachments: ['ok', 'token=[redacted api_token]'], count: 3, ok: true, nothing: null },
  });
  expect(input).toEqual(copy);
});

test('values under secret-named keys are hidden whole', () => {
  const out = redactObject({ password: 'plainword', headers: { Authorization: 'Basic x', 'x-api-key': 'k' }, client_secret: 'abc', apiKey: 'a', tokenCount: 5, user: 'bob' });
  expect(out).toEqual({
    password: '[redacted password]',
    headers: { Authorization: '[redacted api_token]', 'x-api-key': '[redacted api_token]' },
    client_secret: '[redacted api_token]',
    apiKey: '[redacted api_token]',
    tokenCount: 5,
    user: 'bob',
  });
});

test('non-plain objects are kept and cycles do not loop', () => {
  const when = new Date('2026-01-01T00:00:00Z');
  const node: Record<string, unknown> = { when, note: 'pw: Secret123' };
  node.self = node;
  const out = redactObject(node);
  expect(out.when).toBe(when);
  expect(out.note).toBe('pw: [redacted password]');
  expect(out.self).toBe(out);
});

test('primitives pass through; a bare string is redacted', () => {
  expect(redactObject(42)).toBe(42);
  expect(redactObject(undefined)).toBeUndefined();
  expect(redactObject('card 4111 1111 1111 1111')).toBe('card [redacted card_number]');
});
