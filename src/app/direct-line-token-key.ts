import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/config.js';

/**
 * The key that signs Direct Line tokens: DIRECTLINE_TOKEN_KEY; else derived from DIRECTLINE_SECRET (so every instance
 * sharing the secret accepts each other's tokens); else a random key kept in DATA_DIR, so a restart does not cut
 * guests off from their conversations and tickets.
 */
export async function directLineTokenKey(config: Config): Promise<Uint8Array> {
  if (config.DIRECTLINE_TOKEN_KEY) return new TextEncoder().encode(config.DIRECTLINE_TOKEN_KEY);
  if (config.DIRECTLINE_SECRET) return createHmac('sha256', config.DIRECTLINE_SECRET).update('deskbot directline token key').digest();
  const file = path.join(config.DATA_DIR, 'directline-token.key');
  try {
    const stored = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
    if (stored.length >= 32) return stored;
  } catch {
    // No key yet: make one below.
  }
  const key = randomBytes(32);
  await mkdir(config.DATA_DIR, { recursive: true });
  await writeFile(file, key.toString('base64url'), { mode: 0o600 });
  return key;
}
