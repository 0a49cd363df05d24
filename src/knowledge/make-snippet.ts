/** Longest snippet in characters, ellipses included. */
export const SNIPPET_MAX_LENGTH = 200;

/**
 * Pick the passage of `text` (plain text, one block per line) that best matches the query terms: the sentence holding
 * the most distinct query terms (first sentence on a tie or no match), cut to at most `maxLength` characters around its
 * first matching word, with "…" where text was cut.
 * @param queryTerms index terms of the query
 * @param analyze the text analysis that produced `queryTerms`
 */
export function makeSnippet(
  text: string,
  queryTerms: ReadonlySet<string>,
  analyze: (text: string) => string[],
  maxLength = SNIPPET_MAX_LENGTH,
): string {
  const sentences = text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim().length > 0);
  let best = sentences[0] ?? '';
  let bestHits = 0;
  for (const sentence of sentences) {
    const hits = countMatches(sentence, queryTerms, analyze);
    if (hits > bestHits) {
      best = sentence;
      bestHits = hits;
    }
  }
  return cutAround(best.trim(), queryTerms, analyze, maxLength);
}

function countMatches(sentence: string, queryTerms: ReadonlySet<string>, analyze: (text: string) => string[]): number {
  if (queryTerms.size === 0) return 0;
  const seen = new Set<string>();
  for (const term of analyze(sentence)) if (queryTerms.has(term)) seen.add(term);
  return seen.size;
}

function cutAround(
  sentence: string,
  queryTerms: ReadonlySet<string>,
  analyze: (text: string) => string[],
  maxLength: number,
): string {
  if (sentence.length <= maxLength) return sentence;
  const start = Math.max(0, firstMatchOffset(sentence, queryTerms, analyze) - 40);
  const from = start === 0 ? 0 : wordStartAfter(sentence, start);
  const room = maxLength - (from > 0 ? 1 : 0) - 1;
  let piece = sentence.slice(from, from + room);
  const lastSpace = piece.lastIndexOf(' ');
  if (lastSpace > room / 2) piece = piece.slice(0, lastSpace);
  return `${from > 0 ? '…' : ''}${piece.trimEnd()}…`;
}

function firstMatchOffset(sentence: string, queryTerms: ReadonlySet<string>, analyze: (text: string) => string[]): number {
  for (const match of sentence.matchAll(/\S+/g)) {
    if (analyze(match[0]).some((term) => queryTerms.has(term))) return match.index;
  }
  return 0;
}

function wordStartAfter(sentence: string, offset: number): number {
  const space = sentence.indexOf(' ', offset);
  return space === -1 ? offset : space + 1;
}
