import type { types } from '@slack/bolt';
import type { ArticleCard, Reply } from '../../../src/core/index.js';
import { button, clip, limits, mrkdwn, textSections } from './block-kit.js';
import { encodeForm } from './form-modal.js';
import { escapeMrkdwn, markdownToMrkdwn } from './mrkdwn.js';
import { ticketBlocks } from './ticket-blocks.js';

/** One `chat.postMessage`: the notification/fallback text and the blocks. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** Action ids of what deskbot renders; block_actions with other ids are not deskbot's. */
export const actionIds = {
  choice: 'deskbot:choice',
  form: 'deskbot:form',
  newRequest: 'deskbot:new_request',
  claim: 'deskbot:claim',
  resolve: 'deskbot:resolve',
} as const;

/**
 * Render the replies of one turn as Slack messages: as few as Block Kit allows (50 blocks each), in order. Text is
 * converted from Markdown, or escaped as typed when the reply is a person's own words (`format: 'plain'`); choices
 * become buttons whose value is the choice value; a form becomes a "Fill in details" button carrying the form.
 */
export function renderReplies(replies: Reply[]): SlackMessage[] {
  const blocks = replies.flatMap((reply, i) => replyBlocks(reply, i));
  // The top-level text (notifications, screen readers) is mrkdwn too: converted and escaped like the blocks.
  const text = clip(replies.map(asMrkdwn).join('\n\n'), limits.fallbackText);
  const messages: SlackMessage[] = [];
  for (let at = 0; at < blocks.length; at += limits.blocksPerMessage) {
    messages.push({ text, blocks: blocks.slice(at, at + limits.blocksPerMessage) });
  }
  return messages;
}

function replyBlocks(reply: Reply, index: number): types.KnownBlock[] {
  const text = asMrkdwn(reply);
  const blocks: types.KnownBlock[] = [...textSections(text)];
  for (const article of reply.articles ?? []) blocks.push(...articleBlocks(article));
  for (const ticket of reply.tickets ?? []) blocks.push(...ticketBlocks(ticket));
  const buttons = (reply.choices ?? []).slice(0, limits.elementsPerActions)
    .map((c, j) => button(`${actionIds.choice}:${j}`, c.label, c.value));
  if (buttons.length) blocks.push({ type: 'actions', block_id: `deskbot:choices:${index}`, elements: buttons });
  const form = reply.form ? encodeForm(reply.form) : null;
  // A form too large for a button value stays in words: the reply's text already asks for the same details.
  if (form) blocks.push({ type: 'actions', block_id: `deskbot:form:${index}`, elements: [button(actionIds.form, 'Fill in details', form, 'primary')] });
  return blocks;
}

function articleBlocks(article: ArticleCard): types.KnownBlock[] {
  return [
    { type: 'section', text: mrkdwn(`:page_facing_up: *${escapeMrkdwn(article.title)}*\n${escapeMrkdwn(article.snippet)}`) },
    { type: 'context', elements: [mrkdwn(`Knowledge article \`${escapeMrkdwn(article.slug)}\``)] },
  ];
}

function asMrkdwn(reply: Reply): string {
  return reply.format === 'plain' ? escapeMrkdwn(reply.text) : markdownToMrkdwn(reply.text);
}
