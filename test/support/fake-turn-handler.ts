import type { InboundMessage, Reply, TurnHandler, TurnResult, TurnSummary } from '../../src/core/index.js';

/** A {@link TurnHandler} for adapter tests that records what it received. */
export interface FakeTurnHandler extends TurnHandler {
  received: InboundMessage[];
}

const ARTICLE = { id: 'kb-1', slug: 'reset-password', title: 'Reset your password', snippet: 'Go to the self-service portal and choose Forgot password.' };

/**
 * A small fake pipeline. It dedupes on eventId like the real one, then answers:
 * action `article` → a knowledge article; action `ticket` or text containing "ticket" → a P2 incident card;
 * text "two replies" → two replies, choices on the first; text "boom" → throws; empty text → a polite prompt;
 * anything else → `You said: <text>` with the choices "Show an article" / "Open a ticket".
 */
export function createFakeTurnHandler(): FakeTurnHandler {
  const seen = new Set<string>();
  const received: InboundMessage[] = [];
  return {
    received,
    async handle(message): Promise<TurnResult> {
      received.push(message);
      const key = `${message.channel}|${message.eventId}`;
      if (seen.has(key)) return { conversationId: 'c1', duplicate: true, replies: [], summary: summary(null) };
      seen.add(key);
      if (message.text === 'boom') throw new Error('fake pipeline failure');
      const { replies, sum } = answer(message);
      return { conversationId: 'c1', duplicate: false, replies, summary: sum };
    },
  };
}

function answer(message: InboundMessage): { replies: Reply[]; sum: TurnSummary } {
  const action = message.action?.value;
  if (action === 'article') {
    return { replies: [{ text: 'This article may help:', articles: [ARTICLE] }], sum: { ...summary('question'), articles: [ARTICLE.slug] } };
  }
  if (action === 'ticket' || /ticket/i.test(message.text)) {
    const now = Date.parse('2030-01-01T09:00:00Z');
    const ticket = {
      number: 'INC0001001', kind: 'incident' as const, title: 'VPN does not connect', status: 'new' as const, priority: 2,
      responseDueAt: new Date(now + 3_600_000).toISOString(), resolutionDueAt: new Date(now + 8 * 3_600_000).toISOString(),
      updatedAt: new Date(now).toISOString(),
    };
    return { replies: [{ text: `I opened ${ticket.number} for you.`, tickets: [ticket] }], sum: { ...summary('incident'), ticket: ticket.number } };
  }
  if (message.text === 'two replies') {
    return { replies: [{ text: 'First', choices: [{ label: 'A', value: 'a' }] }, { text: 'Second' }], sum: summary('question') };
  }
  if (message.text.trim() === '') return { replies: [{ text: "I didn't catch that. What do you need help with?" }], sum: summary(null) };
  return {
    replies: [{
      text: `You said: ${message.text}`,
      choices: [{ label: 'Show an article', value: 'article' }, { label: 'Open a ticket', value: 'ticket' }],
    }],
    sum: summary('question'),
  };
}

function summary(kind: TurnSummary['kind']): TurnSummary {
  return { kind, intent: kind ? `fake.${kind}` : null, confidence: kind ? 0.9 : 0 };
}
