import { afterAll, beforeAll, expect, test } from 'vitest';
import { clusterTexts } from '../../src/admin/inbox/cluster-texts.js';
import { startAdminServer, type AdminServer } from './start-admin-server.js';

let server: AdminServer;
beforeAll(async () => { server = await startAdminServer(); });
afterAll(async () => { await server?.close(); });

const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
  const res = await server.app.inject({ method, url, payload, headers: { authorization: `Bearer ${server.token}` } });
  return { status: res.statusCode, body: res.json() };
};

test('similar texts cluster together, whatever the word order and small typos', () => {
  const clusters = clusterTexts([
    'my badge does not open the door',
    'what is the weather in leeds',
    'the door badge reader rejects my badge',
    'badge wont open door',
    'weather forecast for leeds tomorrow',
  ]);
  expect(clusters.map((c) => c.members)).toEqual([[0, 2, 3], [1, 4]]);
  expect(clusters[0]!.terms[0]).toBe('badge');
});

test('misunderstood messages are grouped; one click adds a group to an intent in the draft or dismisses it', async () => {
  for (const text of ['my badge does not open the door', 'the door badge reader rejects my badge', 'badge wont open door', 'what is the weather in leeds tomorrow', 'vpn keeps dropping']) {
    await server.say(text);
  }
  const inbox = await call('GET', '/api/admin/inbox');
  expect(inbox.status).toBe(200);
  const texts = inbox.body.groups.flatMap((g: { messages: Array<{ text: string }> }) => g.messages.map((m) => m.text));
  // The confidently understood VPN message is not in the inbox.
  expect(texts).not.toContain('vpn keeps dropping');
  const badge = inbox.body.groups.find((g: { terms: string[] }) => g.terms.includes('badge'));
  expect(badge.size).toBe(3);

  await call('POST', '/api/admin/intents', { name: 'badge_fault', kind: 'incident' });
  const added = await call('POST', '/api/admin/inbox/add', { messageIds: badge.messages.map((m: { id: string }) => m.id), intent: 'badge_fault' });
  expect(added.body).toEqual({ added: 3 });
  const intent = (await call('GET', '/api/admin/intents/badge_fault')).body.intent;
  expect(intent.examples.map((e: { text: string }) => e.text).sort()).toEqual(['badge wont open door', 'my badge does not open the door', 'the door badge reader rejects my badge']);

  const rest = (await call('GET', '/api/admin/inbox')).body;
  expect(rest.groups.some((g: { terms: string[] }) => g.terms.includes('badge'))).toBe(false);
  const weather = rest.groups.find((g: { terms: string[] }) => g.terms.includes('weather'));
  expect((await call('POST', '/api/admin/inbox/dismiss', { messageIds: weather.messages.map((m: { id: string }) => m.id) })).body).toEqual({ dismissed: 1 });
  expect((await call('GET', '/api/admin/inbox')).body.total).toBe(0);

  expect((await call('POST', '/api/admin/inbox/add', { messageIds: ['nope'], intent: 'badge_fault' })).status).toBe(404);
  expect((await call('POST', '/api/admin/inbox/add', { messageIds: [], intent: 'badge_fault' })).status).toBe(400);
});

test('failed turns that could not be kept in a conversation are listed for admins, newest first, and only to admins', async () => {
  const prisma = server.db.prisma;
  await prisma.unprocessedMessage.create({ data: { channel: 'slack', eventId: 'C1:1.1', conversationExternalId: 'C1', senderExternalId: 'U1', text: 'older', error: 'boom', receivedAt: new Date(Date.now() - 60_000) } });
  await prisma.unprocessedMessage.create({ data: { channel: 'web', eventId: 'w-2', conversationExternalId: 'conv-2', senderExternalId: 'U2', text: 'newer', error: 'boom' } });
  await prisma.unprocessedMessage.create({ data: { channel: 'web', eventId: 'w-old', conversationExternalId: 'conv-3', senderExternalId: 'U3', text: 'last year', error: 'boom', receivedAt: new Date(Date.now() - 400 * 86_400_000) } });
  const listed = await call('GET', '/api/admin/unprocessed?days=30');
  expect(listed.status).toBe(200);
  expect(listed.body.messages.map((m: { text: string }) => m.text)).toEqual(['newer', 'older']);
  expect(listed.body.messages[0]).toMatchObject({ channel: 'web', eventId: 'w-2', conversationExternalId: 'conv-2', senderExternalId: 'U2', error: 'boom' });
  expect((await server.app.inject({ method: 'GET', url: '/api/admin/unprocessed' })).statusCode).toBe(401);
});
