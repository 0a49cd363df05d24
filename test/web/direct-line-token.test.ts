import { randomBytes } from 'node:crypto';
import { afterEach, expect, test, vi } from 'vitest';
import { signToken, verifyToken } from '../../adapters/web/direct-line-token.js';

const grant = { conversationId: 'conv-1', user: { id: 'alice' }, scope: 'conversation' as const };

afterEach(() => { vi.useRealTimers(); });

test('a token verified before still expires: the second check refuses it with 403 once its time is up', async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-07T10:00:00Z'));
  const key = new Uint8Array(randomBytes(32));
  const token = await signToken(key, grant, 60);
  expect((await verifyToken(key, token)).conversationId).toBe('conv-1');
  expect((await verifyToken(key, token)).user?.id).toBe('alice');
  vi.setSystemTime(new Date('2026-12-07T10:01:00Z'));
  await expect(verifyToken(key, token)).rejects.toMatchObject({ code: 'forbidden' });
});

test('a token verified under one key is not taken under another', async () => {
  const keyA = new Uint8Array(randomBytes(32));
  const keyB = new Uint8Array(randomBytes(32));
  const token = await signToken(keyA, grant, 60);
  await verifyToken(keyA, token);
  await expect(verifyToken(keyB, token)).rejects.toMatchObject({ code: 'unauthorized' });
});

test('after the genuine token was verified, a changed copy of it is still checked and refused', async () => {
  const key = new Uint8Array(randomBytes(32));
  const token = await signToken(key, grant, 60);
  await verifyToken(key, token);
  const [header, payload, signature] = token.split('.');
  const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), user: 'mallory' })).toString('base64url');
  await expect(verifyToken(key, `${header}.${forged}.${signature}`)).rejects.toMatchObject({ code: 'unauthorized' });
});
