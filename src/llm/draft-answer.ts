import { z } from 'zod';
import type { StructuredChat } from './chat-client.js';

/** A knowledge article offered to the model as a source. */
export interface SourceArticle {
  slug: string;
  title: string;
  /** Plain text; cut to 1,500 characters before sending. */
  text: string;
}

/** A drafted answer and the articles it rests on (slugs from the sources given, never others). */
export interface DraftedAnswer {
  answer: string;
  citations: string[];
}

/**
 * Draft a short answer to the employee's (already redacted) question from the given knowledge articles only, citing
 * the slugs it used. Returns null when the model says the articles do not answer it.
 * @throws when the call fails or the reply does not follow the schema
 */
export async function draftAnswer(chat: StructuredChat, redactedQuestion: string, sources: readonly SourceArticle[]): Promise<DraftedAnswer | null> {
  if (sources.length === 0) return null;
  const slugs = sources.map((s) => s.slug);
  const context = sources.map((s) => `[${s.slug}] ${s.title}\n${s.text.slice(0, 1500)}`).join('\n\n');
  const reply = await chat(
    [
      {
        role: 'system',
        content: 'You answer employees for an IT service desk using only the articles below. Answer in at most 4 short sentences. '
          + 'Cite the slugs of the articles you used. If they do not answer the question, set answerable to false.\n\n' + context,
      },
      { role: 'user', content: redactedQuestion.slice(0, 2000) },
    ],
    {
      name: 'drafted_answer',
      schema: {
        type: 'object',
        properties: {
          answerable: { type: 'boolean' },
          answer: { type: 'string' },
          citations: { type: 'array', items: { type: 'string', enum: slugs } },
        },
        required: ['answerable', 'answer', 'citations'],
        additionalProperties: false,
      },
    },
  );
  const parsed = z.object({ answerable: z.boolean(), answer: z.string(), citations: z.array(z.enum(slugs as [string, ...string[]])) }).parse(reply);
  if (!parsed.answerable || parsed.answer.trim() === '' || parsed.citations.length === 0) return null;
  return { answer: parsed.answer.trim(), citations: [...new Set(parsed.citations)] };
}
