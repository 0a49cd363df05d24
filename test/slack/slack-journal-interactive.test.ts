import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { listUnprocessed } from '../../src/admin/inbox/unprocessed-messages.js';
import { loadRequestForms } from '../../src/conversation/request-forms.js';
import type { InboundMessage, TurnResult } from '../../src/core/index.js';
import { createPipelineHarness, type PipelineHarness } from '../support/pipeline-harness.js';
import { ageJournalRow, journaledHarnessOptions, journalRow, postsTo } from './support/journal-kit.js';
import type { RecordedCall } from './support/slack-api-stub.js';
import { eventCallback, formEncoded, interaction, startSlackHarness, testBot, type SlackHarness } from './support/slack-harness.js';

// Buttons, modal submissions and `/it <text>` are acknowledged before their turn runs, like events: journaled before
// the ack, settled after the turn, replayed after a crash, and answered once however often they arrive.
// `doomed` is an instance that dies mid-turn: it acknowledges and journals, but its turns never finish (never settle).

let p: PipelineHarness;
let live: SlackHarness;
let doomed: SlackHarness;
let die: (err: Error) => void = () => undefined;
const death = new Promise<TurnResult>((_resolve, reject) => { die = reject; });
/** A text whose turn fails on the live instance before the pipeline stores anything. */
let failing: string | null = null;

const team = testBot.team;
const ada = 'U0ADA00001';
let seq = 0;

beforeAll(async () => {
  p = await createPipelineHarness({ requestForms: loadRequestForms() });
  live = await startSlackHarness(journaledHarnessOptions(p.db.prisma, {
    async handle(m: InboundMessage) {
      if (failing !== null && m.text === failing) throw new Error('database connection lost');
      return p.handle(m);
    },
  }));
  death.catch(() => undefined);
  doomed = await startSlackHarness(journaledHarnessOptions(p.db.prisma, { handle: () => death }));
  await live.slack.idle();
}, 60_000);
afterAll(async () => {
  die(new Error('the process died'));
  await doomed?.close();
  await live?.close();
  await p?.close();
});
beforeEach(() => { failing = null; });

const ticketsOf = (externalId: string) => p.db.prisma.ticket.count({ where: { conversation: { externalId } } });
const inboundOf = (externalId: string) => p.db.prisma.message.count({ where: { direction: 'inbound', conversation: { externalId } } });
const journalCount = () => p.db.prisma.inboundJournal.count();

/** Slack's block_actions payload for the button of `post` whose value is `value`, clicked by Ada. */
/** Click the button whose value is `value` or starts with `value:` (impact buttons carry their incident's ref). */
function clickPayload(post: RecordedCall, value: string): { body: string; key: string } {
  const matches = (el: any) => el.value === value || String(el.value).startsWith(`${value}:`);
  const block = (post.body.blocks as any[]).find((b) => b.type === 'actions' && b.elements.some(matches));
  const el = block.elements.find(matches);
  const actionTs = `1768100${String(++seq).padStart(3, '0')}.123456`;
  const body = interaction({
    type: 'block_actions', user: { id: ada, team_id: team }, team: { id: team }, trigger_id: `trig-${seq}`, api_app_id: 'A0DESKAPP1',
    container: { type: 'message', channel_id: post.body.channel, message_ts: post.response!.ts },
    channel: { id: post.body.channel }, message: { ts: post.response!.ts, blocks: post.body.blocks },
    actions: [{ action_id: el.action_id, block_id: block.block_id, value: el.value, text: el.text, type: 'button', action_ts: actionTs }],
  });
  return { body, key: `block_actions:${ada}:${el.action_id}:${actionTs}` };
}

/** `/it <text>` typed in a team channel, as Slack posts it. */
function command(text: string, trigger: string): string {
  return new URLSearchParams({
    command: '/it', text, user_id: 'U0CMD00001', team_id: team, channel_id: 'C0TEAM0001', trigger_id: trigger,
    response_url: `https://hooks.slack.com/commands/${team}/7/${trigger}`,
  }).toString();
}

describe('Slack journal: buttons, modals and slash commands', () => {
  test('a button click acknowledged but never answered (crash) is replayed once: one answer, one ticket; a redelivery does nothing', async () => {
    const channel = 'D0JRNLI001';
    const conversation = `${team}:${channel}`;
    await live.post(eventCallback({ type: 'message', channel, channel_type: 'im', user: ada, text: 'my printer jams on every page', ts: '1768100000.000100' }, 'EvJrnlI001'));
    await live.slack.idle();
    const asked = postsTo(live, channel).at(-1)!;
    expect(JSON.stringify(asked.body.blocks)).toContain('impact:me_blocked');
    const click = clickPayload(asked, 'impact:me_blocked');

    // The doomed instance acknowledges the click (the row is there by then) and dies before its turn stores anything.
    expect((await doomed.post(click.body, { contentType: formEncoded })).status).toBe(200);
    expect(await journalRow(p.db.prisma, click.key)).toMatchObject({ body: { type: 'block_actions', actions: [{ value: expect.stringMatching(/^impact:me_blocked:/) }] } });
    expect(await ticketsOf(conversation)).toBe(0);

    await ageJournalRow(p.db.prisma, click.key);
    const answered = postsTo(live, channel).length;
    expect(await live.slack.replay()).toBe(1);
    await live.slack.idle();
    expect(postsTo(live, channel).length).toBeGreaterThan(answered);
    expect(await ticketsOf(conversation)).toBe(1);
    expect(await journalRow(p.db.prisma, click.key)).toBeNull();

    // Nothing left to replay; the same click delivered again (Socket Mode redelivers what it thinks was lost) is dropped.
    const after = postsTo(live, channel).length;
    expect(await live.slack.replay()).toBe(0);
    expect((await live.post(click.body, { contentType: formEncoded })).status).toBe(200);
    await live.slack.idle();
    expect(postsTo(live, channel)).toHaveLength(after);
    expect(await ticketsOf(conversation)).toBe(1);
    expect(await journalCount()).toBe(0);
  });

  test('/it printer is broken acknowledged but never answered is replayed once, in the DM; a redelivery does nothing', async () => {
    const dm = 'D0CMD00001';
    const body = command('printer is broken', 'trig-jrnl-cmd-1');
    const ack = await doomed.post(body, { contentType: formEncoded });
    expect(ack.json).toMatchObject({ response_type: 'ephemeral' });
    expect(await journalRow(p.db.prisma, 'command:trig-jrnl-cmd-1')).toMatchObject({ body: { command: '/it', text: 'printer is broken' } });

    await ageJournalRow(p.db.prisma, 'command:trig-jrnl-cmd-1');
    expect(await live.slack.replay()).toBe(1);
    await live.slack.idle();
    const answered = postsTo(live, dm);
    expect(answered[0]?.body.blocks[0].text.text).toBe('> printer is broken');
    expect(JSON.stringify(answered.map((c) => c.body.blocks))).toContain('how badly does it affect work');
    expect(await inboundOf(`${team}:${dm}`)).toBe(1);
    expect(await journalCount()).toBe(0);

    expect(await live.slack.replay()).toBe(0);
    await live.post(body, { contentType: formEncoded });
    await live.slack.idle();
    expect(postsTo(live, dm)).toHaveLength(answered.length);
    expect(await inboundOf(`${team}:${dm}`)).toBe(1);
    expect(await journalCount()).toBe(0);
  });

  test('a new-request modal submitted, then the crash: replayed once; the same submission again does nothing', async () => {
    const user = 'U0ADA00001';
    const submission = interaction({
      type: 'view_submission', team: { id: team }, user: { id: user, team_id: team }, api_app_id: 'A0DESKAPP1',
      view: { id: 'V0JRNLI001', hash: '1768100000.abc', callback_id: 'deskbot:new_request', private_metadata: JSON.stringify({ team }),
        state: { values: { description: { description: { type: 'plain_text_input', value: 'the wifi in room 12 keeps dropping' } } } } },
    });
    const key = 'view_submission:V0JRNLI001:1768100000.abc';
    expect((await doomed.post(submission, { contentType: formEncoded })).status).toBe(200);
    expect(await journalRow(p.db.prisma, key)).not.toBeNull();

    await ageJournalRow(p.db.prisma, key);
    expect(await live.slack.replay()).toBe(1);
    await live.slack.idle();
    const quoted = () => postsTo(live, 'D0ADA00001').filter((c) => c.body.blocks?.[0]?.text?.text === '> the wifi in room 12 keeps dropping');
    expect(quoted()).toHaveLength(1);
    expect(await journalCount()).toBe(0);

    const posts = postsTo(live, 'D0ADA00001').length;
    await live.post(submission, { contentType: formEncoded });
    await live.slack.idle();
    expect(postsTo(live, 'D0ADA00001')).toHaveLength(posts);
    expect(await journalCount()).toBe(0);
  });

  test('a slash command whose fifth replay fails is moved in that pass to the unprocessed messages, with its caller and words', async () => {
    failing = 'my monitor is dead';
    const key = 'command:trig-jrnl-cmd-2';
    expect((await doomed.post(command(failing, 'trig-jrnl-cmd-2'), { contentType: formEncoded })).status).toBe(200);
    await ageJournalRow(p.db.prisma, key);
    await p.db.prisma.inboundJournal.update({ where: { channel_eventId: { channel: 'slack', eventId: key } }, data: { attempts: 4 } });

    expect(await live.slack.replay()).toBe(1);
    await live.slack.idle();
    expect(await journalRow(p.db.prisma, key)).toBeNull();
    const listed = (await listUnprocessed(p.db.prisma, 30)).filter((m) => m.eventId === key);
    expect(listed).toEqual([expect.objectContaining({ senderExternalId: 'U0CMD00001', text: 'my monitor is dead', error: 'replayed 5 times without success' })]);
  });
});
