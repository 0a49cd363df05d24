import { expect, test } from 'vitest';
import { loadConfig } from '../../src/config/config.js';

test('defaults are filled in and numbers coerced', () => {
  const config = loadConfig({ PORT: '4000' });
  expect(config.PORT).toBe(4000);
  expect(config.DATA_DIR).toBe('./data');
  expect(config.DATABASE_URL).toBeUndefined();
  expect(config.JOURNAL_DB_CONNECTIONS).toBe(2);
  expect(loadConfig({ JOURNAL_DB_CONNECTIONS: '0' }).JOURNAL_DB_CONNECTIONS).toBe(0);
});

test('bad values are refused with the variable named', () => {
  expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  expect(() => loadConfig({ CONFIDENCE_ACT: '0.2', CONFIDENCE_CONFIRM: '0.5' })).toThrow(/CONFIDENCE_CONFIRM/);
  expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  expect(() => loadConfig({ JOURNAL_DB_CONNECTIONS: '-1' })).toThrow(/JOURNAL_DB_CONNECTIONS/);
});
