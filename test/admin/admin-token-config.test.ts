import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';

describe('ADMIN_TOKEN', () => {
  it('is off when unset or empty', () => {
    expect(loadConfig({}).ADMIN_TOKEN).toBeUndefined();
    expect(loadConfig({ ADMIN_TOKEN: '  ' }).ADMIN_TOKEN).toBeUndefined();
  });

  it('keeps a token of 24 characters or more', () => {
    expect(loadConfig({ ADMIN_TOKEN: 'a'.repeat(24) }).ADMIN_TOKEN).toBe('a'.repeat(24));
  });

  it('refuses a short token instead of silently turning the dashboard off', () => {
    expect(() => loadConfig({ ADMIN_TOKEN: 'a'.repeat(23) })).toThrow(/ADMIN_TOKEN/);
  });
});
