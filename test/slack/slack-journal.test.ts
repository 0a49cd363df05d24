import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { listUnprocessed } from '../../src/admin/inbox/unprocessed-messages.js';
import { loadRequestForms } from '../../src/conversation/request-forms.js';
import type { InboundMessage } from '../../src/core/index.js';
import { createPipelineHarness, type PipelineHarness } from '../support/pipeline-harness.js';
import { journaledHarnessOptions, journalRow as rowOf, postsTo } from './support/journal-kit.js';
import { eventCallback, startSlackHarness, testBot, type SlackHarness, type SlackHarnessOptions } from './support/slack-harness.js';

// The write-ahead journal: Slack has its acknowledgement before the turn runs, so an event is journaled before the
// ack and settled after the turn; what a crash leaves is replayed, and the pipeline's event-id dedupe keeps a replay
// of a turn that did commit from answering twice or opening a second ticket.

let p: PipelineHarness;
let live: SlackHarness;
/** Per text: whether the event's journal row existed while its turn ran, and its stored body. */
const seenDuringTurn = new Map<string, { body: unknown } | null>();
/** A text whose turn fails before the pipeline stores anything (the process is fine, the work threw). */
let failing: string | null = null;

const team = testBot.team;
let seq = 0;
const ts = () => `1768000${String(++seq).padStart(3, '0')}.000100`;

function harnessOptions(): SlackHarnessOptions {
  return journaledHarnessOptions(p.db.prisma, {
    async handle(m: InboundMessage) {
      const eventId = (m.raw as { event_id?: string }).event_id!;
      const row = await rowOf(p.db.prisma, eventId);
      seenDuringTurn.set(m.text, row && { body: row.body });
      if (m.text === failing) throw new Error('database connection lost');
      return p.handle(m);
    },
  });
}

beforeAll(async () => {
  p = await createPipelineHarness({ requestForms: loadRequestForms() });
  live = await startSlackHarness(harnessOptions());
  await live.slack.idle(); // its own start-up replay is over before any test journals a "crashed" event
}, 60_000);
afterAll(async () => {
  await live?.close();
  await p?.close();
});
beforeEach(() => { failing = null; });

function dmEnvelope(text: string, channel: string) {
  const eventId = `Ev${Date.now()}${++seq}`;
  const event = { type: 'message', channel, channel_type: 'im', user: 'U0ADA00001', text, ts: ts() };
  return { eventId, event, body: eventCallback(event, eventId) };
}

/** What a crash between Slack's ack and the turn's commit leaves: the journal row, ten minutes old. */
async function journalAsCrashed(envelope: { eventId: string; body: string }) {
  await p.db.prisma.inboundJournal.create({
    data: { channel: 'slack', eventId: envelope.eventId, body: JSON.parse(envelope.body), receivedAt: new Date(Date.now() - 10 * 60_000) },
  });
}

const journalRow = (eventId: string) => rowOf(p.db.prisma, eventId);
const ticketsOf = (channel: string) => p.db.prisma.ticket.count({ where: { conversation: { externalId: `${team}:${channel}` } } });
const inboundOf = (channel: string) => p.db.prisma.message.count({ where: { direction: 'inbound', conversation: { externalId: `${team}:${channel}` } } });

describe('Slack write-ahead journal', () => {
  test('an event acknowledged but never processed (crash) is answered exactly once by the next instance, with one ticket', async () => {
    const channel = 'D0JRNL0001';
    const crashed = dmEnvelope("outlook is down for the whole office, urgent please", channel);
    await journalAsCrashed(crashed);

    const next = await startSlackHarness(harnessOptions());
    try {
      await next.slack.idle(); // the start-up replay
      expect(postsTo(next, channel)).toHaveLength(1);
      expect(await inboundOf(channel)).toBe(1);
      expect(await journalRow(crashed.eventId)).toBeNull();
      const tickets = await ticketsOf(channel);
      expect(tickets).toBe(1);

      // Both instances looking again (the interval) find nothing left; a late Slack retry is dropped too.
      expect(await next.slack.replay()).toBe(0);
      expect(await live.slack.replay()).toBe(0);
      await live.post(crashed.body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
      await live.slack.idle();
      expect(postsTo(next, channel)).toHaveLength(1);
      expect(postsTo(live, channel)).toHaveLength(0);
      expect(await inboundOf(channel)).toBe(1);
      expect(await ticketsOf(channel)).toBe(tickets);
    } finally {
      await next.close();
    }
  });

  test('replaying an event whose turn committed (crash before the row was removed) answers nothing and opens nothing', async () => {
    const channel = 'D0JRNL0002';
    const envelope = dmEnvelope("outlook is down for the whole office, urgent please", channel);
    expect((await live.post(envelope.body)).status).toBe(200);
    await live.slack.idle();
    const answered = postsTo(live, channel).length;
    expect(answered).toBeGreaterThan(0);
    const tickets = await ticketsOf(channel);
    expect(tickets).toBe(1);

    await journalAsCrashed(envelope);
    expect(await live.slack.replay()).toBe(1);
    await live.slack.idle();
    expect(postsTo(live, channel)).toHaveLength(answered);
    expect(await inboundOf(channel)).toBe(1);
    expect(await ticketsOf(channel)).toBe(tickets);
    expect(await journalRow(envelope.eventId)).toBeNull();
  });

  test('a normal turn: the row is written before the turn (secrets redacted) and gone once it is stored', async () => {
    const channel = 'D0JRNL0003';
    const text = 'hello, my token is xoxb-123456789012-abcdefghijkl';
    const envelope = dmEnvelope(text, channel);
    expect((await live.post(envelope.body)).status).toBe(200);
    await live.slack.idle();
    expect(postsTo(live, channel).length).toBeGreaterThan(0);
    const during = seenDuringTurn.get(text);
    expect(during).not.toBeNull();
    expect(during).toBeDefined();
    expect(JSON.stringify(during!.body)).toContain('hello, my token is');
    expect(JSON.stringify(during!.body)).not.toContain('xoxb-123456789012');
    expect(await journalRow(envelope.eventId)).toBeNull();
  });

  test('a turn that throws before the pipeline stored it keeps its row, and a later replay answers it once', async () => {
    const channel = 'D0JRNL0004';
    const text = 'my printer jams on every page';
    const envelope = dmEnvelope(text, channel);
    failing = text;
    expect((await live.post(envelope.body)).status).toBe(200);
    await live.slack.idle();
    expect(postsTo(live, channel)).toHaveLength(0);
    expect(await journalRow(envelope.eventId)).not.toBeNull();

    failing = null;
    await p.db.prisma.inboundJournal.update({
      where: { channel_eventId: { channel: 'slack', eventId: envelope.eventId } }, data: { receivedAt: new Date(Date.now() - 10 * 60_000) },
    });
    expect(await live.slack.replay()).toBe(1);
    await live.slack.idle();
    expect(postsTo(live, channel)).toHaveLength(1);
    expect(await inboundOf(channel)).toBe(1);
    expect(await journalRow(envelope.eventId)).toBeNull();
  });

  test('an event that fails its fifth replay is moved in that same pass, once, to the unprocessed messages admins see; not replayed again', async () => {
    const channel = 'D0JRNL0005';
    const text = 'my scanner hangs, my password is Tr0ub4dor&3xyz!';
    const envelope = dmEnvelope(text, channel);
    failing = text;
    await journalAsCrashed(envelope);
    const where = { channel_eventId: { channel: 'slack' as const, eventId: envelope.eventId } };
    await p.db.prisma.inboundJournal.update({ where, data: { attempts: 4 } });
    const unprocessed = async () => (await listUnprocessed(p.db.prisma, 30)).filter((m) => m.eventId === envelope.eventId);

    // The fifth replay fails too: the same pass moves it — journal row gone, listed for admins, redacted, with the reason.
    expect(await live.slack.replay()).toBe(1);
    await live.slack.idle();
    expect(postsTo(live, channel)).toHaveLength(0);
    expect(await journalRow(envelope.eventId)).toBeNull();
    const listed = await unprocessed();
    expect(listed).toEqual([expect.objectContaining({
      channel: 'slack', conversationExternalId: `${team}:${channel}`, senderExternalId: 'U0ADA00001', error: 'replayed 5 times without success',
    })]);
    expect(listed[0]!.text).toContain('my scanner hangs');
    expect(listed[0]!.text).not.toContain('Tr0ub4dor');
    expect(await live.slack.replay()).toBe(0);
    expect(await unprocessed()).toHaveLength(1);

    // Journaled and exhausted again (say, restored from a backup): still one unprocessed row, and the journal is clear.
    await journalAsCrashed(envelope);
    await p.db.prisma.inboundJournal.update({ where, data: { attempts: 5 } });
    expect(await live.slack.replay()).toBe(0);
    expect(await journalRow(envelope.eventId)).toBeNull();
    expect(await unprocessed()).toHaveLength(1);
  });
});
