import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { directLineTokenKey } from '../../src/app/direct-line-token-key.js';

test('without a configured key the generated one survives a restart', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'deskbot-key-'));
  const config = loadConfig({ DATA_DIR: dir });
  const first = await directLineTokenKey(config);
  expect(first.length).toBe(32);
  expect(Buffer.from(await directLineTokenKey(config)).equals(Buffer.from(first))).toBe(true);
});

test('a configured key or secret wins, and instances sharing a secret share the key', async () => {
  const fromKey = await directLineTokenKey(loadConfig({ DIRECTLINE_TOKEN_KEY: 'k'.repeat(40) }));
  expect(Buffer.from(fromKey).toString()).toBe('k'.repeat(40));
  const a = await directLineTokenKey(loadConfig({ DIRECTLINE_SECRET: 'secret-one-0123456789abcdef' }));
  const b = await directLineTokenKey(loadConfig({ DIRECTLINE_SECRET: 'secret-one-0123456789abcdef' }));
  const c = await directLineTokenKey(loadConfig({ DIRECTLINE_SECRET: 'secret-two-0123456789abcdef' }));
  expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
});
