import { stemmer } from 'stemmer';
import { englishStopWords } from './stop-words.js';

/** Longest token kept; longer runs are hashes, base64 or junk and only bloat the index. */
const MAX_TOKEN_LENGTH = 40;

/**
 * Split text into lower-case word tokens. Code-ish tokens joined by `-`, `_`, `.`, `+` or `'` (apt-get, gnome-system-monitor,
 * .desktop) yield their parts and, except for apostrophes, the parts joined ("aptget"), so both spellings meet. A dotted
 * number (a version such as 12.04 or 3.15.11) yields only its first part and the parts joined ("12", "1204"): a trailing
 * "04" or "10" says nothing on its own and would match every other release's number.
 * @returns tokens in text order; may repeat
 */
export function splitWords(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:[-_.+'’][\p{L}\p{N}]+)*/gu)) {
    const word = match[0];
    const parts = word.split(/[-_.+'’]/);
    if (parts.length === 1) {
      out.push(word);
      continue;
    }
    if (parts.every((part) => /^\d+$/.test(part))) {
      out.push(parts[0]!, parts.join(''));
      continue;
    }
    out.push(...parts);
    if (!/['’]/.test(word)) out.push(parts.join(''));
  }
  return out.filter((token) => token.length <= MAX_TOKEN_LENGTH);
}

/** True for tokens the index skips. */
export function isStopWord(token: string): boolean {
  return englishStopWords.has(token);
}

/**
 * Index terms of a text: Porter stems of the non-stop-word tokens, plus the stem of each adjacent pair written as one
 * word, so "shut down" meets "shutdown" and "wi fi" meets "wifi".
 * @param stem Porter stemmer by default; pass a memoised one for bulk work
 * @param bigrams also yield each adjacent pair of stems as one term "a b" (rewards the query's words side by side)
 * @returns terms in text order; may repeat
 */
export function analyzeTerms(text: string, stem: (token: string) => string = stemmer, bigrams = false): string[] {
  const out: string[] = [];
  let previous: string | null = null;
  let previousStem = '';
  for (const token of splitWords(text)) {
    if (isStopWord(token)) {
      previous = null;
      continue;
    }
    const stemmed = stem(token);
    out.push(stemmed);
    if (previous !== null) out.push(stem(previous + token));
    if (previous !== null && bigrams) out.push(`${previousStem} ${stemmed}`);
    previous = token;
    previousStem = stemmed;
  }
  return out;
}

/**
 * Character n-grams of each non-stop-word token, padded with `_` at both ends ("vpn" → "_vpn", "vpn_" for n = 4);
 * a padded token no longer than n is one gram. Catches shared word parts that stemming misses (typos, compounds).
 * @param n gram length in characters
 */
export function characterGrams(text: string, n: number): string[] {
  const out: string[] = [];
  for (const token of splitWords(text)) {
    if (isStopWord(token)) continue;
    const padded = `_${token}_`;
    if (padded.length <= n) {
      out.push(padded);
      continue;
    }
    for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
  }
  return out;
}
