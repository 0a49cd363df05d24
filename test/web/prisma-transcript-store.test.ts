import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { createPrismaTranscriptStore } from '../../src/transcripts/prisma-transcript-store.js';
import type { TranscriptStore } from '../../src/core/index.js';

let db: TestDatabase;
let store: TranscriptStore;
beforeAll(async () => {
  db = await createTestDatabase();
  store = createPrismaTranscriptStore(db.prisma);
});
afterAll(async () => { await db?.drop(); });

test('creates conversations with and without a bound user', async () => {
  await store.createConversation({ id: 'conv-a', userId: 'u-1' });
  await store.createConversation({ id: 'conv-b' });
  expect((await store.getConversation('conv-a'))?.userId).toBe('u-1');
  expect((await store.getConversation('conv-b'))?.userId).toBeNull();
  expect(await store.getConversation('nope')).toBeNull();
  await expect(store.createConversation({ id: 'conv-a' })).rejects.toThrow();
});

test('appends in order and lists after a watermark', async () => {
  await store.createConversation({ id: 'conv-c' });
  const first = await store.append('conv-c', { type: 'message', text: 'one', id: 'client-chosen' });
  const second = await store.append('conv-c', { type: 'message', text: 'two' });
  await store.append('conv-b', { type: 'message', text: 'elsewhere' });
  const third = await store.append('conv-c', { type: 'message', text: 'three' });
  expect(first.id).toMatch(/^conv-c\|\d{7,}$/);
  expect(first.activity.id).toBe(first.id);
  expect(BigInt(second.watermark)).toBeGreaterThan(BigInt(first.watermark));

  const all = await store.list('conv-c');
  expect(all.activities.map((a) => a.text)).toEqual(['one', 'two', 'three']);
  expect(all.activities.map((a) => a.id)).toEqual([first.id, second.id, third.id]);
  expect(all.watermark).toBe(third.watermark);

  const after = await store.list('conv-c', first.watermark);
  expect(after.activities.map((a) => a.text)).toEqual(['two', 'three']);
  const none = await store.list('conv-c', third.watermark);
  expect(none).toEqual({ activities: [], watermark: third.watermark });
  const entries = await store.listAppended('conv-c', first.watermark);
  expect(entries.map((e) => [e.id, e.watermark, e.activity.text])).toEqual([
    [second.id, second.watermark, 'two'], [third.id, third.watermark, 'three'],
  ]);
  const page = await store.list('conv-c', '', 2);
  expect(page.activities.map((a) => a.text)).toEqual(['one', 'two']);
  expect(page.watermark).toBe(second.watermark);
});

test('rejects a watermark it did not issue', async () => {
  await expect(store.list('conv-c', '1; DROP TABLE x')).rejects.toMatchObject({ code: 'bad_request' });
});

test('stores emoji, RTL text, NUL and lone surrogates without failing', async () => {
  await store.createConversation({ id: 'conv-d' });
  const text = 'héllo 👩‍💻 مرحبا \u0000 bad\uD800 end \u202Etxt';
  await store.append('conv-d', { type: 'message', text, channelData: { nested: ['\u0000x'] } });
  const [stored] = (await store.list('conv-d')).activities;
  expect(stored?.text).toBe('héllo 👩‍💻 مرحبا  bad\uFFFD end \u202Etxt');
  expect(stored?.channelData).toEqual({ nested: ['x'] });
});

test('finds an activity by its clientActivityID within its conversation only', async () => {
  await store.createConversation({ id: 'conv-e' });
  const a = await store.append('conv-e', { type: 'message', text: 'hi', channelData: { clientActivityID: 'abc' } });
  await store.append('conv-e', { type: 'message', text: 'again', channelData: { clientActivityID: 'abc' } });
  const retry = { type: 'message', text: 'hi', channelData: { clientActivityID: 'abc' } };
  expect(await store.appendUnlessSeen('conv-e', retry, 'abc')).toMatchObject({ first: false, appended: { id: a.id } });
  expect((await store.appendUnlessSeen('conv-d', retry, 'abc')).first).toBe(true);
  expect((await store.appendUnlessSeen('conv-e', { ...retry, channelData: { clientActivityID: 'zzz' } }, 'zzz')).first).toBe(true);
});

test('appendUnlessSeen appends a new clientActivityID once and gives a retry the first activity', async () => {
  await store.createConversation({ id: 'conv-once' });
  const first = await store.appendUnlessSeen('conv-once', { type: 'message', text: 'hi', channelData: { clientActivityID: 'k1' } }, 'k1');
  expect(first.first).toBe(true);
  expect(first.appended.activity).toMatchObject({ text: 'hi', id: first.appended.id });
  const retry = await store.appendUnlessSeen('conv-once', { type: 'message', text: 'hi again', channelData: { clientActivityID: 'k1' } }, 'k1');
  expect(retry).toEqual({ first: false, appended: first.appended });
  const other = await store.appendUnlessSeen('conv-once', { type: 'message', text: 'next', channelData: { clientActivityID: 'k2' } }, 'k2');
  expect(other.first).toBe(true);
  expect((await store.list('conv-once')).activities.map((a) => a.text)).toEqual(['hi', 'next']);
});

test('appendMany writes several activities in order with increasing watermarks', async () => {
  const store = createPrismaTranscriptStore(db.prisma);
  await store.createConversation({ id: 'conv-many' });
  const appended = await store.appendMany('conv-many', [
    { type: 'message', text: 'first' },
    { type: 'message', text: 'second', id: 'ignored' },
    { type: 'message', text: 'third' },
  ]);
  expect(appended.map((a) => a.activity.text)).toEqual(['first', 'second', 'third']);
  expect(BigInt(appended[0]!.watermark) < BigInt(appended[2]!.watermark)).toBe(true);
  const page = await store.list('conv-many');
  expect(page.activities.map((a) => a.text)).toEqual(['first', 'second', 'third']);
  expect(await store.appendMany('conv-many', [])).toEqual([]);
});

test('a found conversation is served from memory for conversationCacheMs, a missing one never is', async () => {
  let clock = 1_000;
  const cached = createPrismaTranscriptStore(db.prisma, { conversationCacheMs: 60_000, now: () => clock });
  await cached.createConversation({ id: 'conv-cache-a', userId: 'u-9' });
  await store.createConversation({ id: 'conv-cache-b' });
  expect(await cached.getConversation('conv-cache-b')).toMatchObject({ id: 'conv-cache-b', userId: null });
  expect(await cached.getConversation('conv-cache-c')).toBeNull();
  // Rows are never changed or removed by deskbot; removing them here shows which answers come from memory.
  await db.prisma.$executeRaw`DELETE FROM "DirectLineConversation" WHERE "id" IN ('conv-cache-a', 'conv-cache-b')`;
  await store.createConversation({ id: 'conv-cache-c' });
  expect(await cached.getConversation('conv-cache-a')).toMatchObject({ id: 'conv-cache-a', userId: 'u-9' });
  expect(await cached.getConversation('conv-cache-b')).toMatchObject({ id: 'conv-cache-b' });
  expect(await cached.getConversation('conv-cache-c')).toMatchObject({ id: 'conv-cache-c' });
  clock += 60_001;
  expect(await cached.getConversation('conv-cache-a')).toBeNull();
  expect(await cached.getConversation('conv-cache-b')).toBeNull();
  const uncached = createPrismaTranscriptStore(db.prisma, { conversationCacheMs: 0 });
  await uncached.createConversation({ id: 'conv-cache-d' });
  await db.prisma.$executeRaw`DELETE FROM "DirectLineConversation" WHERE "id" = 'conv-cache-d'`;
  expect(await uncached.getConversation('conv-cache-d')).toBeNull();
});
