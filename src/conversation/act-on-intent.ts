import { randomUUID } from 'node:crypto';
import type { IntentDefinition, Understanding } from '../classification/types.js';
import { openTicketAndReply, ticketTitle } from './open-ticket-reply.js';
import { showTicketStatus } from './show-ticket-status.js';
import { articlesOffered, suggestArticles } from './suggest-articles.js';
import { articleBody } from './article-body.js';
import { earlyDraftFor } from './draft-before-turn.js';
import type { Turn } from './turn.js';
import { buttons, say } from './wording.js';

/**
 * Do what an understood intent calls for. `text` is the employee's (redacted) words that expressed it, which may be
 * an earlier message when the intent was confirmed by a button.
 */
export async function actOnIntent(
  turn: Turn, intent: IntentDefinition, text: string, relatedIntents: string[] = [], understood?: Pick<Understanding, 'impact' | 'urgency'>,
): Promise<void> {
  turn.state.misses = 0;
  turn.state.pending = undefined;
  turn.summary.kind = intent.kind;
  turn.summary.intent = intent.name;
  switch (intent.kind) {
    case 'incident':
      return handleIncident(turn, intent, text, understood);
    case 'service_request':
    case 'question':
      return knowledgeFirst(turn, intent, text, relatedIntents);
    case 'ticket_status':
      return showTicketStatus(turn, []);
    case 'greeting':
      turn.replies.push({ text: say.greeting(turn.employee.displayName) });
  }
}

/**
 * Incidents: infer impact and urgency from the words; when they give neither, ask one question — unless the admin
 * turned asking off for the intent (`askImpact: false`), whose default impact and urgency then apply as they are.
 */
async function handleIncident(turn: Turn, intent: IntentDefinition, text: string, understood?: Pick<Understanding, 'impact' | 'urgency'>): Promise<void> {
  // Re-read the words only when they are not the ones just understood (e.g. an earlier message confirmed by a button).
  const { impact, urgency } = understood ?? turn.services.catalog.understander.understand(text);
  if (impact === undefined && urgency === undefined && intent.askImpact !== false) {
    const id = randomUUID();
    turn.state.pending = { type: 'ask_impact', intent: intent.name, text, id, since: turn.now.toISOString() };
    // With another incident waiting (parked in this turn or before), the question names the one it is about.
    const question = turn.state.parked?.length ? say.askImpactNamed(ticketTitle(text, intent.description || intent.name)) : say.askImpact;
    turn.replies.push({ text: question, choices: buttons.impact(id) });
    return;
  }
  await openTicketAndReply(turn, {
    kind: 'incident', intent, text,
    impact: impact ?? intent.defaultImpact, urgency: urgency ?? intent.defaultUrgency,
    suggestArticles: true,
  });
}

/**
 * An IT question no intent matches: search the knowledge base with the words alone, and offer a ticket when nothing
 * fits. Not counted as a miss — deskbot understood it is an IT question, just not which one.
 */
export async function answerQuestion(turn: Turn, text: string): Promise<void> {
  turn.state.misses = 0;
  turn.summary.kind = 'question';
  turn.summary.intent = null;
  return knowledgeFirst(turn, null, text, []);
}

/** Service requests and questions: knowledge base first, a ticket when it does not help. */
async function knowledgeFirst(turn: Turn, intent: IntentDefinition | null, text: string, relatedIntents: string[]): Promise<void> {
  const articles = suggestArticles(turn.services, text, intent, articlesOffered, relatedIntents);
  if (articles.length) {
    turn.summary.articles = articles.map((a) => a.slug);
    turn.state.pending = { type: 'kb_feedback', intent: intent?.name ?? null, text, articles: turn.summary.articles };
    // The best article is given in full, so the answer is right there in the chat; the others as cards.
    const [best, ...others] = articles;
    if (!intent) {
      // No intent behind the search: the words alone may match loosely, so offer the articles without claiming one fixes it
      // (or, with a language model configured, an answer drafted from them, before the transaction, with the articles it used).
      const drafted = earlyDraftFor(turn.draft, text, articles);
      turn.replies.push(drafted ?? { text: say.kbMaybe, articles });
      turn.replies.push({ text: say.kbAsk, choices: buttons.kbFeedback() });
      return;
    }
    const body = await articleBody(turn.db, best!.slug);
    turn.replies.push(body ? { text: `${say.kbAnswer(best!.title)}\n\n${body}` } : { text: say.kbIntro(1), articles: [best!] });
    if (others.length) turn.replies.push({ text: say.kbMore, articles: others });
    turn.replies.push({ text: say.kbAsk, choices: buttons.kbFeedback() });
    return;
  }
  if (intent?.kind === 'service_request') {
    return openTicketAndReply(turn, { kind: 'service_request', intent, text, impact: intent.defaultImpact, urgency: intent.defaultUrgency });
  }
  turn.state.pending = { type: 'kb_feedback', intent: intent?.name ?? null, text, articles: [] };
  turn.replies.push({ text: say.kbNone, choices: buttons.yesNo() });
}
