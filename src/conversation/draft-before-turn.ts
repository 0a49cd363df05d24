import type { PrismaClient } from '../db/client.js';
import type { InboundMessage } from '../core/message.js';
import type { ArticleCard, Reply } from '../core/reply.js';
import type { Understanding } from '../classification/types.js';
import { draftedReply } from '../llm/index.js';
import { articleBodies } from './article-body.js';
import { searchesWithoutIntent } from './searches-without-intent.js';
import { articlesOffered, suggestArticles } from './suggest-articles.js';
import type { TurnServices } from './turn.js';
import { turnText } from './understand-before-turn.js';

/** An answer drafted before the turn's transaction, with what it was drafted from. */
export interface EarlyDraft {
  /** The turn's text it answers. */
  question: string;
  /** Slugs of the articles it was drafted from, in the order offered. */
  slugs: string[];
  /** The drafted reply; null when the model gave none (not answerable, failed, timed out, circuit open). */
  reply: Reply | null;
}

/**
 * With a language model configured, draft the answer to an IT question deskbot has no intent for before the turn's
 * transaction opens, as {@link understandBeforeTurn} does for classification: the model may take seconds, and no
 * database connection or conversation lock should be held meanwhile. Null when the turn will not answer with a
 * knowledge search (see {@link searchesWithoutIntent}), when no article matches, or without `understanding` (the
 * turn will not classify the message). A question deskbot asked earlier may still take the message in the turn; the
 * draft is then unused.
 * @param understanding the message as understood before the turn (understandBeforeTurn)
 */
export async function draftBeforeTurn(
  prisma: PrismaClient, message: InboundMessage, services: TurnServices, understanding: Understanding | null,
): Promise<EarlyDraft | null> {
  if (!services.llm || message.action || !understanding) return null;
  const question = turnText(message.text);
  if (!searchesWithoutIntent(question, understanding, services)) return null;
  const articles = suggestArticles(services, question, null, articlesOffered);
  if (articles.length === 0) return null;
  const reply = await draftedReply(services.llm, question, articles, await articleBodies(prisma, articles));
  return { question, slugs: articles.map((a) => a.slug), reply };
}

/**
 * The early draft's reply when it answers this question from these articles (the turn searched the same index with
 * the same words, so it normally does); null otherwise, and then the turn answers without a draft rather than call
 * the model inside its transaction.
 */
export function earlyDraftFor(draft: EarlyDraft | null | undefined, question: string, articles: readonly ArticleCard[]): Reply | null {
  if (!draft || draft.question !== question || draft.slugs.length !== articles.length) return null;
  return articles.every((a, i) => a.slug === draft.slugs[i]) ? draft.reply : null;
}
