import { normalizeText } from './normalize-text.js';

const TICKET_STATUS = [
  /\bmy (open |recent |latest |last )?(tickets?|incidents?|requests?|cases?)\b.*\b(status|update|progress|news|open|list|show|check)\b/,
  /\b(status|update|progress|news)\b.{0,20}\b(of|on|for|about) (my|the) (tickets?|incidents?|requests?|cases?)\b/,
  /\b(show|list|check|see|view)( me)?( all)? my (open |recent )?(tickets?|incidents?|requests?|cases?)\b/,
  /^(my|all my) (open |recent )?(tickets?|incidents?|requests?|cases?)\W*$/,
  /\bticket status\b/,
];

const GREETING_WORDS = new Set([
  'hi', 'hello', 'hey', 'hiya', 'yo', 'howdy', 'morning', 'afternoon', 'evening', 'good', 'there', 'thanks', 'thank', 'you',
  'thx', 'ty', 'cheers', 'bye', 'goodbye', 'see', 'ya', 'ok', 'okay', 'great', 'perfect', 'again', 'deskbot', 'bot', 'all',
  'much', 'so', 'a', 'lot', 'many', 'very', 'for', 'your', 'help', 'later', 'team', 'guys', 'folks', 'cool', 'nice',
]);

/** True when the text asks about the employee's own tickets ("my tickets", "status of my request"). */
export function asksForTicketStatus(text: string): boolean {
  const normalized = normalizeText(text);
  return TICKET_STATUS.some((pattern) => pattern.test(normalized));
}

/** True when the text is only a greeting, thanks or goodbye (every word a greeting word, at most 6 words). */
export function isOnlyGreeting(text: string): boolean {
  const words = normalizeText(text).match(/[\p{L}\p{N}']+/gu) ?? [];
  return words.length > 0 && words.length <= 6 && words.every((w) => GREETING_WORDS.has(w.replace(/'/g, '')));
}
