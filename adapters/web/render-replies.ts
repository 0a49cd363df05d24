import type { ArticleCard, Choice, Reply, TranscriptActivity, TurnSummary } from '../../src/core/index.js';
import { ticketAttachment } from './ticket-card.js';

/** deskbot's Direct Line account, the `from` of every bot activity. */
export const BOT_ACCOUNT = { id: 'deskbot', name: 'deskbot', role: 'bot' } as const;

/** Where rendered replies go and what they answer. */
export interface RenderContext {
  conversationId: string;
  /** The user activity this turn answers; absent for proactive messages. */
  replyToId?: string;
  /** Put on the last reply as `channelData.deskbot`, for the replay tool. */
  summary?: TurnSummary;
}

/**
 * Render replies as Direct Line `message` activities for Web Chat: `text` as is; `articles` as hero cards; `tickets` as
 * Adaptive Cards; `choices` as suggested actions (messageBack, value `{ deskbot: <choice value> }`) on the last reply —
 * Web Chat only shows the last activity's suggested actions — and as hero-card buttons on earlier ones.
 */
export function renderReplies(replies: Reply[], ctx: RenderContext): TranscriptActivity[] {
  return replies.map((reply, i) => {
    const last = i === replies.length - 1;
    const attachments = [
      ...(reply.articles ?? []).map(articleAttachment),
      ...(reply.tickets ?? []).map(ticketAttachment),
      ...(!last && reply.choices?.length ? [buttonsAttachment(reply.choices)] : []),
    ];
    const activity: TranscriptActivity = {
      type: 'message',
      channelId: 'directline',
      conversation: { id: ctx.conversationId },
      from: { ...BOT_ACCOUNT },
      text: reply.text,
    };
    // Web Chat renders Markdown (and some HTML) by default; a person's own words are shown exactly as typed.
    if (reply.format === 'plain') activity.textFormat = 'plain';
    if (ctx.replyToId) activity.replyToId = ctx.replyToId;
    if (attachments.length > 0) {
      activity.attachments = attachments;
      activity.attachmentLayout = (reply.articles?.length ?? 0) > 1 && !reply.tickets?.length ? 'carousel' : 'list';
    }
    if (last && reply.choices?.length) activity.suggestedActions = { actions: reply.choices.map(messageBack) };
    if (last && ctx.summary) activity.channelData = { deskbot: ctx.summary };
    return activity;
  });
}

/** A card action that shows the label as the user's message and sends the choice value back. */
function messageBack(choice: Choice): Record<string, unknown> {
  return {
    type: 'messageBack',
    title: choice.label,
    displayText: choice.label,
    text: choice.label,
    value: { deskbot: choice.value },
  };
}

function articleAttachment(article: ArticleCard): Record<string, unknown> {
  return {
    contentType: 'application/vnd.microsoft.card.hero',
    content: { title: article.title, text: article.snippet },
  };
}

function buttonsAttachment(choices: Choice[]): Record<string, unknown> {
  return { contentType: 'application/vnd.microsoft.card.hero', content: { buttons: choices.map(messageBack) } };
}
