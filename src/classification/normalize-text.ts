/** Characters of input the classifier reads; the rest of a long message adds cost, not meaning. */
export const MAX_CLASSIFIED_CHARS = 1000;

/** Tokens of input the classifier reads. */
export const MAX_TOKENS = 120;

// Negated auxiliaries all mean "something does not work": they also yield the token "not".
const NEGATIONS = new Set([
  'cant', 'cannot', 'couldnt', 'wont', 'doesnt', 'dont', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'aint',
  'hasnt', 'havent', 'shouldnt', 'wouldnt', 'unable', 'no', 'never', 'not',
]);

/**
 * Prepare raw text for feature extraction: truncate to {@link MAX_CLASSIFIED_CHARS}, Unicode NFKC, lower case,
 * typographic apostrophes to ASCII, control characters and diacritics removed.
 */
export function normalizeText(text: string): string {
  const cut = text.slice(0, MAX_CLASSIFIED_CHARS);
  // Plain printable ASCII (most messages) has nothing to decompose, fold or strip: skip the Unicode passes.
  if (/^[\x20-\x7e]*$/.test(cut)) return cut.toLowerCase().replace(/`/g, "'");
  return cut
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ');
}

/**
 * Split normalized text into word tokens (letters and digits of any script), apostrophes dropped inside words
 * ("can't" → "cant"), at most {@link MAX_TOKENS}. A negation also yields the token "not" right after it.
 */
export function tokenize(normalized: string): string[] {
  const tokens: string[] = [];
  // In ASCII, letters and digits are exactly [A-Za-z0-9]; the Unicode-aware pattern costs several times more per match.
  const words = /^[\x00-\x7f]*$/.test(normalized) ? /[A-Za-z0-9]+(?:'[A-Za-z]+)*/g : /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;
  for (const match of normalized.matchAll(words)) {
    const token = match[0].includes("'") ? match[0].replace(/'/g, '') : match[0];
    tokens.push(token);
    if (NEGATIONS.has(token) && token !== 'not') tokens.push('not');
    if (tokens.length >= MAX_TOKENS) break;
  }
  return tokens;
}

/** True for the negation words {@link tokenize} recognises. */
export function isNegation(token: string): boolean {
  return NEGATIONS.has(token);
}
