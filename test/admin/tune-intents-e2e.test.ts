import { readFile } from 'node:fs/promises';
import pino from 'pino';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startDeskbot, type RunningDeskbot } from '../../src/app/start-deskbot.js';
import { adminsAddCommand } from '../../src/cli/admins-command.js';
import { startDirectLine } from '../../src/cli/direct-line-client.js';
import { storeFailedMessage } from '../../src/conversation/store-failed-message.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const fixture = (name: string) => readFile(new URL(`../fixtures/admin/${name}`, import.meta.url), 'utf8');
let db: TestDatabase;
let deskbot: RunningDeskbot;
let token: string;

beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  await db.prisma.$disconnect();
  const env = { DATABASE_URL: db.url, REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' as const, ESCALATION_QUEUE: `test-admin-${Date.now()}` };
  // As a new admin would: the CLI creates the account and prints the token last.
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await adminsAddCommand(loadConfig(env), { name: 'Ada Admin', email: 'ada@example.com' });
    token = String(log.mock.calls.at(-1)![0]);
  } finally {
    log.mockRestore();
  }
  deskbot = await startDeskbot(loadConfig(env), pino({ level: 'silent' }));
}, 180_000);
afterAll(async () => {
  await deskbot?.close();
  await db?.drop();
});

async function api<T = Record<string, any>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: T; text: string }> {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${token}`, ...headers } };
  if (typeof body === 'string') init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const res = await fetch(`${deskbot.url}${path}`, init);
  const text = await res.text();
  return { status: res.status, text, json: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {}) as T };
}

/** Talk to the bot through the web channel's Direct Line API, as an employee; returns the intent it understood. */
async function intentFor(text: string): Promise<string | null | undefined> {
  const session = await startDirectLine(deskbot.url);
  const replies = await session.say(text, `employee-${Math.random().toString(36).slice(2)}`);
  return replies.map((a) => (a.channelData as { deskbot?: { intent: string | null } } | undefined)?.deskbot).find(Boolean)?.intent;
}

test('an admin imports a Rasa file, evaluates, shadow-replays, publishes, sees the bot change, and rolls back', async () => {
  const probe = 'the projector in the boardroom shows no signal';
  const before = await intentFor(probe);
  expect(before).not.toBe('meeting_room_av');
  for (const text of ['conference room screen has no signal', 'meeting room display will not show my laptop']) await intentFor(text);

  const me = await api('GET', '/api/admin/me');
  expect(me.json).toMatchObject({ admin: { name: 'Ada Admin', email: 'ada@example.com' }, liveVersion: { number: 1 } });

  // Import: the raw Rasa file, as `curl --data-binary @nlu.yml` would send it.
  const imported = await api('POST', '/api/admin/import?format=rasa', await fixture('meeting-room-nlu.yml'), { 'content-type': 'application/yaml' });
  expect(imported.status).toBe(200);
  expect(imported.json.format).toBe('rasa');
  expect(imported.json.summary).toMatchObject({ intentsCreated: ['meeting_room_av'], intentsUpdated: ['out_of_scope'], examplesAdded: 16 });
  expect(imported.json.skipped).toEqual(['synonym "boardroom": only intents are imported']);
  const edited = await api('PATCH', '/api/admin/intents/meeting_room_av', { kind: 'incident', description: 'Meeting room AV not working', assignmentGroup: 'Workplace AV', defaultUrgency: 2 });
  expect(edited.json.intent).toMatchObject({ kind: 'incident', assignmentGroup: 'Workplace AV', exampleCount: 14 });
  expect(edited.json.intent.examples.map((e: { text: string }) => e.text)).toContain('room display not working in Leeds');

  // Evaluate the draft: cross-validation with its confusion matrix, then an uploaded CSV test file.
  const cv = await api('POST', '/api/admin/evaluate/cross-validation', { folds: 3 });
  expect(cv.status).toBe(200);
  const { labels, matrix } = cv.json.report.confusion as { labels: string[]; matrix: number[][] };
  const row = labels.indexOf('meeting_room_av');
  expect(row).toBeGreaterThanOrEqual(0);
  expect(matrix[row]!.reduce((a, b) => a + b, 0)).toBe(14);
  expect(matrix[row]![row]).toBeGreaterThanOrEqual(7);
  expect(cv.json.report.perIntent.find((s: { intent: string }) => s.intent === 'meeting_room_av')).toMatchObject({ support: 14 });
  const testSet = await api('POST', '/api/admin/evaluate/test-set', { content: await fixture('meeting-room-test.csv'), format: 'csv' });
  expect(testSet.json.report.examples).toBe(4);
  expect(testSet.json.report.perIntent.find((s: { intent: string }) => s.intent === 'meeting_room_av').recall).toBeGreaterThanOrEqual(0.5);
  expect(testSet.json.unknownIntents).toEqual([]);

  // Shadow replay: the employees' real messages, live route beside the draft's.
  const replay = await api('POST', '/api/admin/shadow-replay', { limit: 50 });
  expect(replay.json.compared).toBe(3);
  const moved = replay.json.rows.find((r: { text: string }) => r.text === probe);
  // The live route is the live model re-run (its top intent even where the bot asked first), never the new intent.
  expect(moved.live.intent).not.toBe('meeting_room_av');
  expect(moved.draft).toMatchObject({ kind: 'incident', intent: 'meeting_room_av' });
  // The old route is the one recorded when the bot handled the message (here the same model as live).
  const movedRow = await db.prisma.message.findUniqueOrThrow({ where: { id: moved.messageId } });
  expect(moved).toMatchObject({ oldRouteSource: 'recorded', old: { kind: movedRow.kind, intent: movedRow.intent, confidence: Math.round(movedRow.confidence! * 1000) / 1000 } });
  expect(replay.json.summary).toMatchObject({ oldRouteSources: { recorded: 3, liveModel: 0 }, changed: { total: replay.json.changed, recorded: replay.json.changed, liveModel: 0 } });

  // Publish: the live bot switches without a restart.
  const published = await api('POST', '/api/admin/versions', { note: 'Meeting room AV' });
  expect(published.status).toBe(201);
  expect(published.json.version.number).toBe(2);
  expect(await intentFor(probe)).toBe('meeting_room_av');
  expect((await api('POST', '/api/admin/versions', {})).json.error.code).toBe('no_changes');

  // Roll back in one step: the bot is as before, the draft keeps the edits.
  const rolledBack = await api('POST', '/api/admin/versions/rollback', {});
  expect(rolledBack.json.version.number).toBe(1);
  expect(await intentFor(probe)).toBe(before);
  const versions = await api('GET', '/api/admin/versions');
  expect(versions.json).toMatchObject({ draftChanged: true, liveVersionId: rolledBack.json.version.id });
  expect(versions.json.versions.map((v: { number: number; live: boolean }) => [v.number, v.live])).toEqual([[2, false], [1, true]]);

  const exported = await api('GET', `/api/admin/export?format=rasa&version=${published.json.version.id}`);
  expect(exported.text).toContain('- intent: meeting_room_av');

  // Shadow replay against what the bot actually did: the probe as version 2 routed it (recorded), although the live
  // model (version 1 again) would now route it elsewhere.
  const stored = await db.prisma.message.findMany({ where: { direction: 'inbound', text: probe }, orderBy: { createdAt: 'asc' } });
  const underV2 = stored.find((m) => m.intent === 'meeting_room_av')!;
  expect(underV2).toMatchObject({ kind: 'incident' });
  // A turn that failed before its classification was recorded: only this one is compared with the live model.
  await storeFailedMessage(db.prisma, {
    channel: 'web', eventId: `failed-${Date.now()}`, conversation: { externalId: 'failed-conversation' }, sender: { externalId: 'failed-employee' }, text: probe,
  }, new Error('the classifier fell over'), pino({ level: 'silent' }));
  const failed = await db.prisma.message.findFirstOrThrow({ where: { direction: 'inbound', error: { not: null } } });

  const withAv = await api('POST', '/api/admin/shadow-replay', { limit: 50 });
  expect(withAv.json.compared).toBe(6);
  expect(withAv.json.summary.oldRouteSources).toEqual({ recorded: 5, liveModel: 1 });
  const rowOf = (json: { rows: Array<{ messageId: string }> }, id: string) => json.rows.find((r) => r.messageId === id) as Record<string, any> | undefined;
  // Recorded as meeting_room_av and the draft agrees: not a change, whatever the live model says now.
  expect(rowOf(withAv.json as never, underV2.id)).toBeUndefined();
  const fellBack = rowOf(withAv.json as never, failed.id)!;
  expect(fellBack).toMatchObject({ oldRouteSource: 'live model', draft: { intent: 'meeting_room_av' } });
  expect(fellBack.old.intent).not.toBe('meeting_room_av');
  expect(fellBack.old).toEqual(fellBack.live);
  expect(withAv.json.summary.changed.liveModel).toBe(1);

  // Without meeting_room_av in the draft, the probe as version 2 routed it is a change, shown as recorded.
  expect((await api('PATCH', '/api/admin/intents/meeting_room_av', { enabled: false })).status).toBe(200);
  const withoutAv = await api('POST', '/api/admin/shadow-replay', { limit: 50 });
  const recorded = rowOf(withoutAv.json as never, underV2.id)!;
  expect(recorded).toMatchObject({ oldRouteSource: 'recorded', old: { kind: 'incident', intent: 'meeting_room_av', confidence: Math.round(underV2.confidence! * 1000) / 1000 } });
  expect(recorded.live.intent).not.toBe('meeting_room_av');
  expect(recorded.draft.intent).not.toBe('meeting_room_av');
  expect(withoutAv.json.changed).toBe(withoutAv.json.summary.changed.total);
  expect(withoutAv.json.summary.changed.recorded).toBeGreaterThanOrEqual(1);
}, 600_000);
