import { expect, test } from 'vitest';
import { renderReplies } from '../../adapters/web/render-replies.js';
import type { Reply, TurnSummary } from '../../src/core/index.js';

const summary: TurnSummary = { kind: 'question', intent: 'kb.vpn', confidence: 0.8, articles: ['vpn'] };
const article = (n: number) => ({ id: `a${n}`, slug: `s${n}`, title: `Title ${n}`, snippet: `Snippet ${n}` });

test('choices become suggested actions on the last reply and card buttons on earlier ones', () => {
  const replies: Reply[] = [
    { text: 'Pick one', choices: [{ label: 'Yes', value: 'yes' }] },
    { text: 'Or here', choices: [{ label: 'No', value: 'no' }] },
  ];
  const [first, last] = renderReplies(replies, { conversationId: 'c', replyToId: 'c|0000001', summary });
  expect(first!.suggestedActions).toBeUndefined();
  expect(first!.attachments).toEqual([{
    contentType: 'application/vnd.microsoft.card.hero',
    content: { buttons: [{ type: 'messageBack', title: 'Yes', displayText: 'Yes', text: 'Yes', value: { deskbot: 'yes' } }] },
  }]);
  expect(last!.suggestedActions).toEqual({
    actions: [{ type: 'messageBack', title: 'No', displayText: 'No', text: 'No', value: { deskbot: 'no' } }],
  });
  expect(first!.channelData).toBeUndefined();
  expect(last!.channelData).toEqual({ deskbot: summary });
  expect(last!.replyToId).toBe('c|0000001');
  expect(last!.from).toEqual({ id: 'deskbot', name: 'deskbot', role: 'bot' });
});

test('several articles form a carousel of hero cards; one article is a list', () => {
  const [many] = renderReplies([{ text: 'These may help', articles: [article(1), article(2)] }], { conversationId: 'c' });
  expect(many!.attachmentLayout).toBe('carousel');
  expect(many!.attachments).toEqual([
    { contentType: 'application/vnd.microsoft.card.hero', content: { title: 'Title 1', text: 'Snippet 1' } },
    { contentType: 'application/vnd.microsoft.card.hero', content: { title: 'Title 2', text: 'Snippet 2' } },
  ]);
  const [one] = renderReplies([{ text: 'This may help', articles: [article(1)] }], { conversationId: 'c' });
  expect(one!.attachmentLayout).toBe('list');
});

test('a plain reply has text only and proactive replies carry no replyToId', () => {
  const [plain] = renderReplies([{ text: 'Hello' }], { conversationId: 'c' });
  expect(plain).toEqual({ type: 'message', channelId: 'directline', conversation: { id: 'c' }, from: { id: 'deskbot', name: 'deskbot', role: 'bot' }, text: 'Hello' });
});

test('a ticket with an unparsable due time shows it as given', () => {
  const [r] = renderReplies([{
    text: 'Your ticket',
    tickets: [{ number: 'REQ0000007', kind: 'service_request', title: 'New laptop', status: 'on_hold', priority: 4, responseDueAt: 'soon', resolutionDueAt: '2030-02-01T10:00:00.123Z', updatedAt: 'x' }],
  }], { conversationId: 'c' });
  const card = (r!.attachments as { content: { body: { text?: string; facts?: { title: string; value: string }[] }[] } }[])[0]!.content;
  expect(card.body[0]!.text).toBe('Service request REQ0000007');
  expect(card.body[2]!.facts).toEqual([
    { title: 'Status', value: 'On hold' },
    { title: 'Priority', value: 'P4 · Low' },
    { title: 'Response due', value: 'soon' },
    { title: 'Resolution due', value: '{{DATE(2030-02-01T10:00:00Z,SHORT)}} {{TIME(2030-02-01T10:00:00Z)}}' },
  ]);
});

test('a person\'s words are shown as typed, not as Markdown', () => {
  const [plain, markdown] = renderReplies([{ text: 'Bob: <b>**hi**</b>', format: 'plain' }, { text: '**bold**' }], { conversationId: 'c' });
  expect(plain!.textFormat).toBe('plain');
  expect(markdown!.textFormat).toBeUndefined();
});
