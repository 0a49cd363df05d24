import { CardFactory, type Activity } from 'botbuilder';
import type { Reply } from '../../../src/core/index.js';
import { needsCard, replyCard } from './reply-card.js';

/**
 * Replies as Teams `message` activities: plain text (Markdown, or `plain` for a person's own words) when there is
 * nothing else, an Adaptive Card otherwise, with the text as `summary` for notifications and screen readers.
 */
export function renderReplies(replies: Reply[]): Array<Partial<Activity>> {
  return replies.map((reply) => {
    if (!needsCard(reply)) return { type: 'message', text: reply.text, textFormat: reply.format === 'plain' ? 'plain' : 'markdown' };
    return { type: 'message', summary: reply.text.slice(0, 200), attachments: [CardFactory.adaptiveCard(replyCard(reply))] };
  });
}
