import type { ArticleCard, Reply } from '../core/reply.js';
import type { LlmAssistant } from './llm-assistant.js';

/**
 * A chat reply with an answer the model drafted from the given knowledge articles, followed by the cited articles as
 * cards (only those it cited, in the order given). Null when the model gives no answer (see {@link LlmAssistant.draft}).
 * @param bodies plain text or Markdown of each article, by slug; an article without one is sent as its snippet
 */
export async function draftedReply(llm: LlmAssistant, question: string, articles: readonly ArticleCard[], bodies: ReadonlyMap<string, string>): Promise<Reply | null> {
  const sources = articles.map((a) => ({ slug: a.slug, title: a.title, text: bodies.get(a.slug) ?? a.snippet }));
  const draft = await llm.draft(question, sources);
  if (!draft) return null;
  const cited = articles.filter((a) => draft.citations.includes(a.slug));
  return { text: `${draft.answer}\n\nFrom: ${cited.map((a) => a.title).join('; ')}`, articles: cited };
}
