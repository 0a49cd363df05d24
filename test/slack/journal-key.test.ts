import { expect, test } from 'vitest';
import { journalKey } from '../../adapters/slack/journal/journal-key.js';

// Which Slack deliveries the write-ahead journal keeps, and under which key: those carrying an employee turn, keyed
// per delivery (the same in a redelivery, different for the next click or command).

const click = (actionId: string, user = 'U1', actionTs = '1768000000.000100') => ({
  type: 'block_actions', user: { id: user }, actions: [{ action_id: actionId, block_id: 'b', value: 'v', action_ts: actionTs }],
});
const view = (callbackId: string) => ({ type: 'view_submission', user: { id: 'U1' }, view: { id: 'V1', hash: 'h1', callback_id: callbackId } });
const command = (text: string, name = '/it') => ({ command: name, text, user_id: 'U1', team_id: 'T1', trigger_id: 'trig-1' });

test('turns are journaled under a key naming the delivery', () => {
  expect(journalKey({ type: 'event_callback', event_id: 'Ev1' }, '/it')).toBe('Ev1');
  expect(journalKey(click('deskbot:choice:0'), '/it')).toBe('block_actions:U1:deskbot:choice:0:1768000000.000100');
  expect(journalKey(view('deskbot:form'), '/it')).toBe('view_submission:V1:h1');
  expect(journalKey(view('deskbot:new_request'), '/it')).toBe('view_submission:V1:h1');
  expect(journalKey(command('printer is broken'), '/it')).toBe('command:trig-1');
  expect(journalKey(command('printer is broken', '/IT'), '/it')).toBe('command:trig-1');
  // Another person's click on the same buttons, or the next click, is a delivery of its own.
  expect(journalKey(click('deskbot:choice:0', 'U2'), '/it')).not.toBe(journalKey(click('deskbot:choice:0'), '/it'));
  expect(journalKey(click('deskbot:choice:0', 'U1', '1768000001.000100'), '/it')).not.toBe(journalKey(click('deskbot:choice:0'), '/it'));
});

test('pure UI, agent actions and other apps\' payloads are not journaled', () => {
  for (const actionId of ['deskbot:form', 'deskbot:new_request', 'deskbot:claim', 'deskbot:resolve', 'legacy-survey']) {
    expect(journalKey(click(actionId), '/it')).toBeNull();
  }
  expect(journalKey(view('survey_form'), '/it')).toBeNull();
  for (const text of ['', '  ', 'help', 'status', 'my tickets']) expect(journalKey(command(text), '/it')).toBeNull();
  expect(journalKey(command('printer is broken', '/helpdesk'), '/it')).toBeNull();
  expect(journalKey({ type: 'event_callback' }, '/it')).toBeNull();
  expect(journalKey({ type: 'shortcut', callback_id: 'x' }, '/it')).toBeNull();
  expect(journalKey(null, '/it')).toBeNull();
});
