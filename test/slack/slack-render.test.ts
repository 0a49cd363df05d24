import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { Form, Reply, TicketCard } from '../../src/core/index.js';
import { loadRequestForms } from '../../src/conversation/request-forms.js';
import { decodeForm, encodeForm, formModal, readViewValues } from '../../adapters/slack/render/form-modal.js';
import { markdownToMrkdwn, slackTextToPlain } from '../../adapters/slack/render/mrkdwn.js';
import { renderReplies } from '../../adapters/slack/render/reply-blocks.js';
import { homeView } from '../../adapters/slack/render/home-view.js';

const ticket: TicketCard = {
  number: 'INC0001042', kind: 'incident', title: 'VPN <drops> & reconnects', status: 'in_progress', priority: 2,
  responseDueAt: '2030-01-01T10:00:00.000Z', resolutionDueAt: '2030-01-01T18:00:00.000Z', updatedAt: '2030-01-01T09:00:00.000Z',
};

describe('text', () => {
  test('Markdown replies become mrkdwn; what a person typed is escaped, not formatted', () => {
    expect(markdownToMrkdwn('This should help — **Reset your password**:\n- open [the portal](https://id.example.com/reset)\n# Steps\n> quoted'))
      .toBe('This should help — *Reset your password*:\n• open <https://id.example.com/reset|the portal>\n*Steps*\n> quoted');
    expect(markdownToMrkdwn('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
    const [plain] = renderReplies([{ text: 'Alice: use **bold** <b>', format: 'plain' }]);
    expect((plain!.blocks[0] as { text: { text: string } }).text.text).toBe('Alice: use **bold** &lt;b&gt;');
  });

  test('Slack text reads as plain text: the bot mention removed, mentions, channels and links spelled out', () => {
    expect(slackTextToPlain('<@U0BOT> 1', 'U0BOT')).toBe('1');
    expect(slackTextToPlain('ask <@U123|ada> in <#C9|it-help>: <https://x.example/a?b=1&amp;c=2|the page> &lt;3 <mailto:a@b.example|a@b.example> <!here>', 'U0BOT'))
      .toBe('ask @ada in #it-help: the page (https://x.example/a?b=1&c=2) <3 a@b.example @here');
  });
});

describe('Block Kit', () => {
  test('choices become buttons carrying their values; articles and tickets become cards; one message per turn', () => {
    const replies: Reply[] = [
      { text: 'These may help:', articles: [{ id: 'a1', slug: 'vpn-reconnect', title: 'VPN keeps reconnecting', snippet: 'Update the client.' }] },
      { text: 'Here it is:', tickets: [ticket] },
      { text: 'Did this solve it?', choices: [{ label: 'Yes, solved', value: 'yes' }, { label: 'No, open a ticket', value: 'no' }] },
    ];
    const messages = renderReplies(replies);
    expect(messages).toHaveLength(1);
    const blocks = messages[0]!.blocks as any[];
    const actions = blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(1);
    expect(actions[0].elements.map((e: any) => [e.action_id, e.value, e.text.text])).toEqual([
      ['deskbot:choice:0', 'yes', 'Yes, solved'], ['deskbot:choice:1', 'no', 'No, open a ticket'],
    ]);
    const json = JSON.stringify(blocks);
    expect(json).toContain('VPN keeps reconnecting');
    expect(json).toContain('*INC0001042* · VPN &lt;drops&gt; &amp; reconnects');
    expect(json).toContain('In progress');
    expect(json).toContain('P2 · High');
    expect(json).toContain('<!date^1893492000^{date_short_pretty} {time}|2030-01-01 10:00 UTC>');
    expect(messages[0]!.text).toContain('Did this solve it?');
  });

  test('long text is split into sections under the limit, and more than 50 blocks into more messages', () => {
    const long = `${'word '.repeat(1000)}\n${'more '.repeat(1000)}`;
    const [message] = renderReplies([{ text: long }]);
    expect(message!.blocks.length).toBeGreaterThan(1);
    for (const b of message!.blocks as any[]) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    const many = renderReplies([{ text: 'Your tickets:', tickets: Array.from({ length: 30 }, () => ticket) }]);
    expect(many.length).toBe(2);
    expect(many.every((m) => m.blocks.length <= 50)).toBe(true);
  });

  test('a form travels in its button and comes back as the same form; the modal reads back the entered values', () => {
    const form = loadRequestForms().get('new_hardware') as Form;
    const [message] = renderReplies([{ text: 'Details please', form }]);
    const button = (message!.blocks as any[]).find((b) => b.type === 'actions').elements[0];
    expect(button.action_id).toBe('deskbot:form');
    expect(button.value.length).toBeLessThanOrEqual(2000);
    expect(decodeForm(button.value)).toEqual(form);
    expect(decodeForm('not a form')).toBeNull();
    // A form whose packed value passes Slack's 2,000 characters stays in words.
    expect(encodeForm({ ...form, fields: Array.from({ length: 20 }, (_, i) => ({ ...form.fields[0]!, id: `f${i}`, label: randomBytes(90).toString('base64') })) })).toBeNull();

    const modal = formModal(form, { team: 'T1', channel: 'D1', submit: form.submitValue });
    expect(modal.callback_id).toBe('deskbot:form');
    const item = modal.blocks[0] as any;
    expect(item).toMatchObject({ type: 'input', block_id: 'item', optional: false, element: { type: 'static_select', action_id: 'item' } });
    expect((modal.blocks[1] as any).optional).toBe(true);
    expect(readViewValues({
      item: { item: { type: 'static_select', selected_option: { value: 'monitor' } } },
      specifics: { specifics: { type: 'plain_text_input', value: null } },
      delivery_location: { delivery_location: { type: 'plain_text_input', value: 'Leeds, 3rd floor' } },
    })).toEqual({ item: 'monitor', delivery_location: 'Leeds, 3rd floor' });
  });

  test('the Home tab lists open tickets and offers a new request', () => {
    const view = homeView([ticket]);
    expect(JSON.stringify(view)).toContain('INC0001042');
    expect(JSON.stringify(homeView([]))).toContain('You have no open tickets.');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });
});

test('the notification text is mrkdwn like the blocks: bold converted, a typed <!channel> cannot ping', () => {
  const [message] = renderReplies([{ text: 'Logged **INC0001234**.' }, { text: 'Alice: hi <!channel>', format: 'plain' }]);
  expect(message!.text).toBe('Logged *INC0001234*.\n\nAlice: hi &lt;!channel&gt;');
});
