import { expect, test } from 'vitest';
import { readMessageEvent } from '../../adapters/slack/inbound/read-message-event.js';

const bot = { userId: 'U0BOT', botId: 'B0BOT' };
const read = (event: Record<string, unknown>, agentChannel?: string) => readMessageEvent({ team_id: 'T1', event: { type: 'message', ts: '10.1', ...event } }, bot, agentChannel);

test('DMs are one conversation per DM channel; a DM thread is answered in its thread', () => {
  expect(read({ channel: 'D1', channel_type: 'im', user: 'U1', text: 'hi' })).toMatchObject({
    kind: 'employee', eventId: 'D1:10.1', text: 'hi', onlyIfKnown: false, conversation: { externalId: 'T1:D1', reference: { team: 'T1', channel: 'D1' } },
  });
  expect(read({ channel: 'D1', channel_type: 'im', user: 'U1', text: 'hi', thread_ts: '9.0' })).toMatchObject({
    conversation: { externalId: 'T1:D1', reference: { thread_ts: '9.0' } },
  });
});

test('in channels and group DMs: a mention starts a thread conversation; a thread reply counts only in deskbot\'s threads', () => {
  expect(read({ channel: 'C1', user: 'U1', text: '<@U0BOT> help' })).toMatchObject({ kind: 'employee', text: 'help', onlyIfKnown: false, conversation: { externalId: 'T1:C1:10.1' } });
  expect(read({ channel: 'G1', channel_type: 'mpim', user: 'U1', text: 'no mention' })).toEqual({ kind: 'ignore', reason: 'channel message without a mention' });
  expect(read({ channel: 'C1', user: 'U1', text: 'more', thread_ts: '5.5' })).toMatchObject({ onlyIfKnown: true, conversation: { externalId: 'T1:C1:5.5' } });
});

test('bots, the bot itself, edits, deletions and system subtypes are ignored; a file with a comment is not', () => {
  expect(read({ channel: 'D1', user: 'U0BOT', text: 'echo' }).kind).toBe('ignore');
  expect(read({ channel: 'D1', user: 'U1', bot_id: 'B9', text: 'other bot' }).kind).toBe('ignore');
  expect(read({ channel: 'D1', subtype: 'bot_message', bot_id: 'B9', text: 'x' }).kind).toBe('ignore');
  expect(read({ channel: 'D1', subtype: 'message_changed', message: { user: 'U1', text: 'new' } })).toEqual({ kind: 'ignore', reason: 'edit' });
  expect(read({ channel: 'D1', subtype: 'message_deleted', deleted_ts: '1.1' })).toEqual({ kind: 'ignore', reason: 'deletion' });
  expect(read({ channel: 'C1', subtype: 'channel_join', user: 'U1', text: '<@U1> has joined' }).kind).toBe('ignore');
  expect(read({ channel: 'D1', subtype: 'file_share', user: 'U1', text: 'screenshot of the error' }).kind).toBe('employee');
  expect(readMessageEvent({ team_id: 'T1', event: { type: 'reaction_added' } }, bot).kind).toBe('ignore');
});

test('in the agent channel only thread replies count, as an agent\'s words; nothing there is an employee conversation', () => {
  expect(read({ channel: 'CAG', user: 'U7', text: '<@U0BOT> help me' }, 'CAG')).toEqual({ kind: 'ignore', reason: 'agent channel' });
  expect(read({ channel: 'CAG', user: 'U7', text: 'on it', thread_ts: '3.3' }, 'CAG')).toEqual({
    kind: 'agent_reply', team: 'T1', user: 'U7', channel: 'CAG', threadTs: '3.3', ts: '10.1', text: 'on it',
  });
  expect(readMessageEvent({ team_id: 'T1', event: { type: 'app_mention', ts: '10.1', channel: 'CAG', user: 'U7', text: '<@U0BOT> x', thread_ts: '3.3' } }, bot, 'CAG').kind).toBe('ignore');
});
