import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRequestForms } from '../../src/conversation/request-forms.js';
import { conversationHolder } from '../../src/conversation/conversation-holder.js';
import { createTicketDirectory } from '../../src/tickets/ticket-directory.js';
import { createPipelineHarness, type PipelineHarness } from '../support/pipeline-harness.js';
import type { RecordedCall } from './support/slack-api-stub.js';
import { eventCallback, formEncoded, interaction, startSlackHarness, testBot, type SlackHarness } from './support/slack-harness.js';

let p: PipelineHarness;
let h: SlackHarness;
const team = testBot.team;
const ada = { id: 'U0ADA00001', dm: 'D0ADA00001' };

beforeAll(async () => {
  p = await createPipelineHarness({ requestForms: loadRequestForms() });
  h = await startSlackHarness({
    turns: { handle: (m) => p.handle(m) },
    tickets: createTicketDirectory(p.db.prisma),
    conversationHolder: (id) => conversationHolder(p.db.prisma, 'slack', id),
    users: { [ada.id]: { name: 'Ada Lovelace', email: 'ada@example.com' }, U0BOB00001: { name: 'Bob Builder' } },
  });
}, 60_000);
afterAll(async () => {
  await h?.close();
  await p?.close();
});

let seq = 0;
const ts = () => `1767000${String(++seq).padStart(3, '0')}.000100`;
const posts = (channel: string) => h.api.of('chat.postMessage').filter((c) => c.body.channel === channel);
const textOf = (call: RecordedCall | undefined) => JSON.stringify(call?.body.blocks ?? []) + (call?.body.text ?? '');

async function send(event: Record<string, unknown>) {
  const res = await h.post(eventCallback(event, `Ev${++seq}`));
  expect(res.status).toBe(200);
  await h.slack.idle();
}

function dm(text: string, user = ada.id, channel = ada.dm) {
  return { type: 'message', channel, channel_type: 'im', user, text, ts: ts() };
}

/** Click a button of a recorded post, as Slack's block_actions payload. */
async function click(post: RecordedCall, predicate: (el: any) => boolean, user = ada.id) {
  const block = (post.body.blocks as any[]).find((b) => b.type === 'actions' && b.elements.some(predicate));
  const el = block.elements.find(predicate);
  const messageTs = `${Date.now() / 1000}`;
  const res = await h.post(interaction({
    type: 'block_actions', user: { id: user, team_id: team }, team: { id: team }, trigger_id: `trig-${++seq}`, api_app_id: 'A0DESKAPP1',
    container: { type: 'message', channel_id: post.body.channel, message_ts: messageTs, ...(post.body.thread_ts ? { thread_ts: post.body.thread_ts } : {}) },
    channel: { id: post.body.channel }, message: { ts: messageTs, blocks: post.body.blocks, ...(post.body.thread_ts ? { thread_ts: post.body.thread_ts } : {}) },
    actions: [{ action_id: el.action_id, block_id: block.block_id, value: el.value, text: el.text, type: 'button', action_ts: messageTs }],
  }), { contentType: formEncoded });
  expect(res.status).toBe(200);
  await h.slack.idle();
  return messageTs;
}

describe('employees on Slack, through the real pipeline', () => {
  test('a DM is answered in the DM; the employee is known by the email Slack shares', async () => {
    await send(dm('hello'));
    const [reply] = posts(ada.dm);
    expect(reply?.body.thread_ts).toBeUndefined();
    expect(textOf(reply)).toContain('Hi Ada');
    const employee = await p.db.prisma.employee.findFirst({ where: { identities: { some: { channel: 'slack', externalId: ada.id, tenant: team } } } });
    expect(employee).toMatchObject({ email: 'ada@example.com', verified: true, displayName: 'Ada Lovelace' });
  });

  test('a mention delivered as app_mention and as message is answered once, in a thread, without the mention', async () => {
    const at = ts();
    const post = { user: ada.id, text: `<@${testBot.userId}> my laptop won't turn on at all`, ts: at, channel: 'C0TEAM0001' };
    await Promise.all([
      h.post(eventCallback({ ...post, type: 'app_mention' }, `Ev${++seq}`)),
      h.post(eventCallback({ ...post, type: 'message', channel_type: 'channel' }, `Ev${++seq}`)),
    ]);
    await h.slack.idle();
    const replies = posts('C0TEAM0001');
    expect(replies.length).toBeGreaterThan(0);
    expect(new Set(replies.map((r) => r.body.thread_ts))).toEqual(new Set([at]));
    const conversation = await p.db.prisma.conversation.findUniqueOrThrow({ where: { channel_externalId: { channel: 'slack', externalId: `${team}:C0TEAM0001:${at}` } }, include: { messages: true } });
    const inbound = conversation.messages.filter((m) => m.direction === 'inbound');
    expect(inbound.map((m) => m.text)).toEqual(["my laptop won't turn on at all"]);
    const count = replies.length;

    await send({ type: 'message', channel: 'C0TEAM0001', channel_type: 'channel', user: ada.id, text: 'just me', ts: ts(), thread_ts: at });
    expect(posts('C0TEAM0001').length).toBeGreaterThan(count);
    expect(posts('C0TEAM0001').every((r) => r.body.thread_ts === at)).toBe(true);
    const again = await p.db.prisma.message.count({ where: { conversationId: conversation.id, direction: 'inbound' } });
    expect(again).toBe(2);
  });

  test("in an employee's channel thread a colleague is never that employee: ignored without a mention, a conversation of their own with one", async () => {
    const channel = 'C0ROOM0001';
    const bob = 'U0BOB00001';
    const at = ts();
    const thread = `${team}:${channel}:${at}`;
    const inboundOf = async (externalId: string) => {
      const c = await p.db.prisma.conversation.findUnique({ where: { channel_externalId: { channel: 'slack', externalId } }, include: { messages: true, employee: true } });
      return c && { employee: c.employee.displayName, texts: c.messages.filter((m) => m.direction === 'inbound').map((m) => m.text) };
    };
    await send({ type: 'app_mention', channel, user: ada.id, text: `<@${testBot.userId}> the projector in room 4 shows no signal`, ts: at });
    const answered = posts(channel).length;
    expect(answered).toBeGreaterThan(0);

    // A colleague chatting in the thread, without mentioning the bot: not answered, not in Ada's conversation.
    await send({ type: 'message', channel, channel_type: 'channel', user: bob, text: 'same in room 5, my password is hunter2', ts: ts(), thread_ts: at });
    expect(posts(channel)).toHaveLength(answered);
    expect(await inboundOf(thread)).toEqual({ employee: 'Ada Lovelace', texts: ['the projector in room 4 shows no signal'] });
    expect(await inboundOf(`${thread}:${bob}`)).toBeNull();

    // Mentioning the bot there, the colleague gets a conversation of their own, answered in the same thread.
    await send({ type: 'message', channel, channel_type: 'channel', user: bob, text: `<@${testBot.userId}> my monitor flickers`, ts: ts(), thread_ts: at });
    expect(posts(channel).length).toBeGreaterThan(answered);
    expect(posts(channel).every((r) => r.body.thread_ts === at)).toBe(true);
    expect(await inboundOf(`${thread}:${bob}`)).toEqual({ employee: 'Bob Builder', texts: ['my monitor flickers'] });
    // From then on the colleague's replies without a mention continue their own conversation; Ada's continue hers.
    const bobAnswered = posts(channel).length;
    await send({ type: 'message', channel, channel_type: 'channel', user: bob, text: 'since yesterday', ts: ts(), thread_ts: at });
    expect(posts(channel).length).toBeGreaterThan(bobAnswered);
    await send({ type: 'message', channel, channel_type: 'channel', user: ada.id, text: 'still no signal', ts: ts(), thread_ts: at });
    expect(await inboundOf(`${thread}:${bob}`)).toEqual({ employee: 'Bob Builder', texts: ['my monitor flickers', 'since yesterday'] });
    expect(await inboundOf(thread)).toEqual({ employee: 'Ada Lovelace', texts: ['the projector in room 4 shows no signal', 'still no signal'] });
    expect(await p.db.prisma.ticket.count({ where: { conversation: { externalId: thread }, requester: { displayName: 'Bob Builder' } } })).toBe(0);
  });

  test.each(['a thread someone started without the bot', "Ada's new mention"])('two people mentioning the bot in %s at the same moment get a conversation each', async (start) => {
    const channel = start.startsWith('a thread') ? 'C0ROOM0003' : 'C0ROOM0004';
    const bob = 'U0BOB00001';
    const at = ts();
    const thread = `${team}:${channel}:${at}`;
    const adaPost = start.startsWith('a thread')
      ? { type: 'message', channel_type: 'channel', channel, user: ada.id, text: `<@${testBot.userId}> the projector in room 7 shows no signal`, ts: ts(), thread_ts: at }
      : { type: 'app_mention', channel, user: ada.id, text: `<@${testBot.userId}> the projector in room 7 shows no signal`, ts: at };
    const bobPost = { type: 'message', channel_type: 'channel', channel, user: bob, text: `<@${testBot.userId}> my monitor flickers`, ts: ts(), thread_ts: at };
    await Promise.all([h.post(eventCallback(adaPost, `Ev${++seq}`)), h.post(eventCallback(bobPost, `Ev${++seq}`))]);
    await h.slack.idle();
    const conversations = await p.db.prisma.conversation.findMany({
      where: { channel: 'slack', externalId: { startsWith: thread } }, include: { messages: { where: { direction: 'inbound' } }, employee: true },
    });
    const byPerson = Object.fromEntries(conversations.map((c) => [c.employee.displayName, c.messages.map((m) => m.text)]));
    expect(byPerson).toEqual({ 'Ada Lovelace': ['the projector in room 7 shows no signal'], 'Bob Builder': ['my monitor flickers'] });
    // Whoever came first holds the thread; the other is a colleague there, with the thread's key and their user id.
    const ids = conversations.map((c) => c.externalId);
    expect(ids.filter((id) => id === thread)).toHaveLength(1);
    expect(ids.filter((id) => id === `${thread}:${ada.id}` || id === `${thread}:${bob}`)).toHaveLength(1);
  });

  test('two DMs sent back to back are taken in the order they arrived, even when the first waits longer for users.info', async () => {
    const carol = { id: 'U0CAROL001', dm: 'D0CAROL001' };
    // The first message's users.info is rate limited for a second; the second message's is answered at once.
    h.api.rateLimit('users.info', 1);
    const first = dm('first note', carol.id, carol.dm);
    const second = dm('second note', carol.id, carol.dm);
    await h.post(eventCallback(first, `Ev${++seq}`));
    await h.post(eventCallback(second, `Ev${++seq}`));
    await h.slack.idle();
    const conversation = await p.db.prisma.conversation.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'slack', externalId: `${team}:${carol.dm}` } }, include: { messages: { where: { direction: 'inbound' }, orderBy: { createdAt: 'asc' } } },
    });
    expect(conversation.messages.map((m) => m.text)).toEqual(['first note', 'second note']);
  });

  test('a button pressed right after a message is taken after it, even when the message waits longer for users.info', async () => {
    const dave = { id: 'U0DAVE0001', dm: 'D0DAVE0001' };
    // The message's users.info is rate limited for a second; the click's is answered at once.
    h.api.rateLimit('users.info', 1);
    await h.post(eventCallback(dm('my laptop screen is cracked', dave.id, dave.dm), `Ev${++seq}`));
    const pressedAt = `${Date.now() / 1000}`;
    await h.post(interaction({
      type: 'block_actions', user: { id: dave.id, team_id: team }, team: { id: team }, trigger_id: `trig-${++seq}`, api_app_id: 'A0DESKAPP1',
      container: { type: 'message', channel_id: dave.dm, message_ts: pressedAt }, channel: { id: dave.dm }, message: { ts: pressedAt, blocks: [] },
      actions: [{ action_id: 'deskbot:choice:1', block_id: 'impact', value: 'impact:me_blocked', type: 'button', action_ts: pressedAt }],
    }), { contentType: formEncoded });
    await h.slack.idle();
    // Taken in order, the press answers the impact question the message raised: one ticket, at "I can't work".
    const tickets = await p.db.prisma.ticket.findMany({ where: { conversation: { externalId: `${team}:${dave.dm}` } } });
    expect(tickets.map((t) => [t.intent, t.impact, t.urgency])).toEqual([['hardware_fault', 3, 1]]);
  });

  test("a bystander's click on the buttons in an employee's channel thread changes nothing; the employee's still counts", async () => {
    const channel = 'C0ROOM0002';
    const at = ts();
    await send({ type: 'app_mention', channel, user: ada.id, text: `<@${testBot.userId}> i need access to the finance share`, ts: at });
    const offered = posts(channel).at(-1)!;
    expect(textOf(offered)).toContain('Did this solve it?');
    const before = { posts: posts(channel).length, updates: h.api.of('chat.update').length };

    await click(offered, (el) => el.value === 'no', 'U0CAROL001');
    expect(posts(channel)).toHaveLength(before.posts);
    expect(h.api.of('chat.update')).toHaveLength(before.updates);
    expect(await p.db.prisma.conversation.count({ where: { externalId: { startsWith: `${team}:${channel}:${at}:` } } })).toBe(0);

    await click(offered, (el) => el.value === 'no', ada.id);
    expect(h.api.of('chat.update').length).toBeGreaterThan(before.updates);
    expect(textOf(posts(channel).at(-1))).toContain('Fill in details');
  });

  test('channel chatter, other threads, bots, edits, deletions, reactions and joins get no answer', async () => {
    const before = h.api.of('chat.postMessage').length;
    await send({ type: 'message', channel: 'C0TEAM0001', channel_type: 'channel', user: ada.id, text: 'lunch anyone?', ts: ts() });
    await send({ type: 'message', channel: 'C0TEAM0001', channel_type: 'channel', user: ada.id, text: 'agreed', ts: ts(), thread_ts: '1111111111.000001' });
    await send({ ...dm('I am a bot'), bot_id: 'B0OTHER001', subtype: 'bot_message' });
    await send({ ...dm('I am a bot too'), bot_id: 'B0OTHER001' });
    await send({ type: 'message', subtype: 'message_changed', channel: ada.dm, channel_type: 'im', hidden: true, ts: ts(), message: { user: ada.id, text: 'hello, edited', ts: '1767000001.000100' } });
    await send({ type: 'message', subtype: 'message_deleted', channel: ada.dm, channel_type: 'im', hidden: true, ts: ts(), deleted_ts: '1767000001.000100' });
    await send({ type: 'reaction_added', user: ada.id, reaction: '+1', item: { type: 'message', channel: ada.dm, ts: '1767000001.000100' }, event_ts: ts() });
    await send({ type: 'member_joined_channel', user: testBot.userId, channel: 'C0TEAM0001', channel_type: 'C', inviter: ada.id, event_ts: ts() });
    expect(h.api.of('chat.postMessage').length).toBe(before);
  });

  test('buttons answer the conversation; the access-request form opens as a modal and its submission opens the request once', async () => {
    const channel = 'D0GRACE001';
    const user = 'U0GRACE001';
    await send(dm('i need access to the finance share', user, channel));
    const offered = posts(channel).at(-1)!;
    expect(textOf(offered)).toContain('Did this solve it?');

    await click(offered, (el) => el.value === 'no', user);
    expect(h.api.of('chat.update').some((c) => c.body.channel === channel && JSON.stringify(c.body.blocks).includes(':white_check_mark: No, open a ticket'))).toBe(true);
    const asked = posts(channel).at(-1)!;
    expect(textOf(asked)).toContain('Fill in details');
    expect(await p.db.prisma.ticket.count({ where: { requester: { identities: { some: { externalId: user } } } } })).toBe(0);

    await click(asked, (el) => el.action_id === 'deskbot:form', user);
    const modal = h.api.of('views.open').at(-1)!;
    expect(modal.body.trigger_id).toMatch(/^trig-/);
    expect(modal.body.view.callback_id).toBe('deskbot:form');
    expect(modal.body.view.blocks.map((b: any) => b.block_id)).toEqual(['system', 'access_level', 'business_reason']);

    const submission = (viewId: string) => interaction({
      type: 'view_submission', team: { id: team }, user: { id: user, team_id: team }, api_app_id: 'A0DESKAPP1', trigger_id: `trig-${++seq}`,
      view: {
        id: viewId, type: 'modal', callback_id: 'deskbot:form', private_metadata: modal.body.view.private_metadata, blocks: modal.body.view.blocks,
        state: { values: {
          system: { system: { type: 'plain_text_input', value: 'Finance share' } },
          access_level: { access_level: { type: 'static_select', selected_option: { value: 'write', text: { type: 'plain_text', text: 'Read and write' } } } },
          business_reason: { business_reason: { type: 'plain_text_input', value: 'Month-end close, token xoxb-123456789012-abcdefghijkl' } },
        } },
      },
    });
    const ack = await h.post(submission('V0FORM0001'), { contentType: formEncoded });
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    await h.slack.idle();
    const opened = posts(channel).at(-1)!;
    expect(textOf(opened)).toMatch(/REQ\d{7}/);
    const tickets = await p.db.prisma.ticket.findMany({ where: { requester: { identities: { some: { externalId: user } } } } });
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.description).toContain('- Access level: Read and write');
    expect(tickets[0]?.description).not.toContain('xoxb-123456789012');
    expect(h.api.of('views.publish').some((c) => c.body.user_id === user && JSON.stringify(c.body.view).includes(tickets[0]!.number))).toBe(true);

    await h.post(submission('V0FORM0001'), { contentType: formEncoded });
    await h.post(submission('V0FORM0002'), { contentType: formEncoded });
    await h.slack.idle();
    expect(await p.db.prisma.ticket.count({ where: { requester: { identities: { some: { externalId: user } } } } })).toBe(1);
  });

  test('/it alone opens the new-request modal; its submission starts a conversation in the DM', async () => {
    const res = await h.post(new URLSearchParams({
      command: '/it', text: '', user_id: 'U0BOB00001', team_id: team, channel_id: 'C0TEAM0001', trigger_id: 'trig-cmd-1',
      response_url: 'https://hooks.slack.com/commands/T0DESK0001/1/abc',
    }).toString(), { contentType: formEncoded });
    expect(res.status).toBe(200);
    await h.slack.idle();
    const modal = h.api.of('views.open').find((c) => c.body.trigger_id === 'trig-cmd-1')!;
    expect(modal.body.view.callback_id).toBe('deskbot:new_request');

    await h.post(interaction({
      type: 'view_submission', team: { id: team }, user: { id: 'U0BOB00001', team_id: team },
      view: { id: 'V0NEWREQ01', callback_id: 'deskbot:new_request', private_metadata: modal.body.view.private_metadata,
        state: { values: { description: { description: { type: 'plain_text_input', value: 'outlook keeps crashing' } } } } },
    }), { contentType: formEncoded });
    await h.slack.idle();
    expect(h.api.of('conversations.open').some((c) => c.body.users === 'U0BOB00001')).toBe(true);
    const [quote, ...rest] = posts('D0BOB00001');
    expect(quote?.body.blocks[0].text.text).toBe('> outlook keeps crashing');
    expect(rest.length + (quote!.body.blocks.length > 1 ? 1 : 0)).toBeGreaterThan(0);
  });

  test('/it <text> answers in a DM (acknowledged privately in the channel); /it status lists my tickets privately', async () => {
    const command = (text: string, trigger: string) => h.post(new URLSearchParams({
      command: '/it', text, user_id: ada.id, team_id: team, channel_id: 'C0TEAM0001', trigger_id: trigger,
      response_url: `https://hooks.slack.com/commands/${team}/2/${trigger}`,
    }).toString(), { contentType: formEncoded });
    const started = await command('my laptop is very slow', 'trig-cmd-2');
    expect(started.json).toMatchObject({ response_type: 'ephemeral' });
    await h.slack.idle();
    expect(posts(ada.dm).some((c) => textOf(c).includes('&gt; my laptop is very slow') || c.body.blocks[0]?.text?.text === '> my laptop is very slow')).toBe(true);

    const status = await command('status', 'trig-cmd-3');
    expect(status.status).toBe(200);
    await h.slack.idle();
    const listed = h.api.of('response_url').at(-1)!;
    expect(listed.body.response_type).toBe('ephemeral');
    const mine = await createTicketDirectory(p.db.prisma).listForSender('slack', { externalId: ada.id, tenant: team });
    expect(mine.length).toBeGreaterThan(0);
    for (const t of mine) expect(JSON.stringify(listed.body.blocks)).toContain(t.number);
  });

  test('another slash command of the app is acknowledged with a private "unknown command" answer, and nothing else', async () => {
    const before = { opened: h.api.of('views.open').length, dms: h.api.of('conversations.open').length, responses: h.api.of('response_url').length };
    const conversations = await p.db.prisma.conversation.count();
    for (const [command, text] of [['/helpdesk', ''], ['/helpdesk', 'my vpn drops'], ['/itx', 'status']] as const) {
      const res = await h.post(new URLSearchParams({
        command, text, user_id: ada.id, team_id: team, channel_id: 'C0TEAM0001', trigger_id: `trig-other-${++seq}`,
        response_url: `https://hooks.slack.com/commands/${team}/9/${seq}`,
      }).toString(), { contentType: formEncoded });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(new RegExp(`don't know the command \`${command}\`.*\`/it\``)) });
    }
    await h.slack.idle();
    expect(h.api.of('views.open')).toHaveLength(before.opened);
    expect(h.api.of('conversations.open')).toHaveLength(before.dms);
    expect(h.api.of('response_url')).toHaveLength(before.responses);
    expect(await p.db.prisma.conversation.count()).toBe(conversations);
  });

  test('opening the App Home publishes my open tickets', async () => {
    await send({ type: 'app_home_opened', user: ada.id, channel: ada.dm, tab: 'home', event_ts: ts() });
    const home = h.api.of('views.publish').filter((c) => c.body.user_id === ada.id).at(-1)!;
    expect(home.body.view.type).toBe('home');
    const mine = await createTicketDirectory(p.db.prisma).listForSender('slack', { externalId: ada.id, tenant: team });
    for (const t of mine) expect(JSON.stringify(home.body.view)).toContain(t.number);
  });

  test('without the users:read scope, a new Slack user is known by Slack id alone', async () => {
    h.api.withoutUserScope();
    await send(dm('hello', 'U0NOSCOPE1', 'D0NOSCOPE1'));
    expect(posts('D0NOSCOPE1')).toHaveLength(1);
    const identity = await p.db.prisma.channelIdentity.findFirstOrThrow({ where: { channel: 'slack', externalId: 'U0NOSCOPE1' }, include: { employee: true } });
    expect(identity.employee.email).toBeNull();
    expect(identity.tenant).toBe(team);
  });
});
