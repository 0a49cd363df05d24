import { expect, test } from 'vitest';
import { toInboundAction } from '../../adapters/teams/inbound/card-action.js';
import { removeBotMentions } from '../../adapters/teams/inbound/remove-bot-mentions.js';
import { renderReplies } from '../../adapters/teams/outbound/render-replies.js';
import type { Reply } from '../../src/core/index.js';

const bot = { id: '28:bot', name: 'IT Desk' };

test.each([
  ['<at>IT Desk</at> vpn down', [{ type: 'mention', text: '<at>IT Desk</at>', mentioned: bot }], 'vpn down'],
  ['vpn <at>IT Desk</at> down <at>IT Desk</at>', [{ type: 'mention', text: '<at>IT Desk</at>', mentioned: bot }], 'vpn down'],
  ['<at>IT Desk</at> reset it for <at>Jo Doe</at>', [{ type: 'mention', mentioned: bot }, { type: 'mention', text: '<at>Jo Doe</at>', mentioned: { id: '29:jo', name: 'Jo Doe' } }], 'reset it for Jo Doe'],
  ['<at>IT</at> printer', [{ type: 'mention', text: '<at>IT</at>', mentioned: bot }], 'printer'],
] as const)('mentions of the bot are removed from %j', (text, entities, expected) => {
  expect(removeBotMentions(text, entities, bot.id, bot.name)).toEqual({ text: expected, mentioned: true });
});

test('text without a mention of the bot is kept, and says so', () => {
  expect(removeBotMentions('  hello   there ', [], bot.id, bot.name)).toEqual({ text: 'hello there', mentioned: false });
});

test('a form is an Adaptive Card with Input.Text / Input.ChoiceSet and an Action.Submit carrying its submit value', () => {
  const reply: Reply = {
    text: 'Which system do you need access to?',
    form: {
      title: 'Access request', submitLabel: 'Request access', submitValue: 'form:access',
      fields: [
        { id: 'system', label: 'System', kind: 'select', required: true, options: [{ label: 'SAP', value: 'sap' }, { label: 'Finance share', value: 'finance' }] },
        { id: 'reason', label: 'Business reason', kind: 'textarea', required: false, placeholder: 'Why?' },
      ],
    },
  };
  const [activity] = renderReplies([reply]);
  const card = activity!.attachments![0]!.content as { body: Array<Record<string, unknown>>; actions: Array<Record<string, unknown>> };
  expect(card.body).toEqual(expect.arrayContaining([
    expect.objectContaining({ type: 'Input.ChoiceSet', id: 'field.system', isRequired: true, choices: [{ title: 'SAP', value: 'sap' }, { title: 'Finance share', value: 'finance' }] }),
    expect.objectContaining({ type: 'Input.Text', id: 'field.reason', isMultiline: true, placeholder: 'Why?' }),
  ]));
  expect(card.actions).toEqual([{ type: 'Action.Submit', title: 'Request access', data: { deskbot: 'form:access' } }]);
  expect(activity!.summary).toBe('Which system do you need access to?');
});

test('a submitted form becomes an InboundAction with its value and fields', () => {
  expect(toInboundAction({ deskbot: 'form:access', 'field.system': 'sap', 'field.reason': 'month-end close', other: 1 }))
    .toEqual({ value: 'form:access', fields: { system: 'sap', reason: 'month-end close' } });
});

test('choices are Action.Submit buttons; plain text from a person is sent as typed', () => {
  const [withChoices, plain] = renderReplies([
    { text: 'Did this solve it?', choices: [{ label: 'Yes', value: 'yes' }, { label: 'No', value: 'no' }] },
    { text: 'use *this* [link]', format: 'plain' },
  ]);
  const card = withChoices!.attachments![0]!.content as { actions: unknown[] };
  expect(card.actions).toEqual([
    { type: 'Action.Submit', title: 'Yes', data: { deskbot: 'yes' } },
    { type: 'Action.Submit', title: 'No', data: { deskbot: 'no' } },
  ]);
  expect(plain).toEqual({ type: 'message', text: 'use *this* [link]', textFormat: 'plain' });
});

test('articles and tickets are shown in the card', () => {
  const [activity] = renderReplies([{
    text: 'These might help:',
    articles: [{ id: '1', slug: 'vpn', title: 'Fix VPN drops', snippet: 'Reconnect with…' }],
    tickets: [{ number: 'INC0001001', kind: 'incident', title: 'VPN drops', status: 'in_progress', priority: 2, responseDueAt: '2026-01-01T10:00:00.000Z', resolutionDueAt: '2026-01-01T18:00:00Z', updatedAt: '2026-01-01T09:00:00Z' }],
  }]);
  const json = JSON.stringify(activity!.attachments);
  expect(json).toContain('Fix VPN drops');
  expect(json).toContain('Incident INC0001001');
  expect(json).toContain('P2 · High');
  expect(json).toContain('{{DATE(2026-01-01T10:00:00Z,SHORT)}}');
});
