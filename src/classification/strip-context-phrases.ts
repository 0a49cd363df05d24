import { normalizeText } from './normalize-text.js';
import { IMPACT_PATTERNS, URGENCY_PATTERNS } from './infer-impact-urgency.js';

// Greetings, politeness and pleas for help: every intent's messages carry them, so they only blur the topic.
const FILLER = [
  /^\W*(hi|hello|hey|hiya|dear|good (morning|afternoon|evening)|morning|afternoon)( (there|team|all|everyone|guys|folks|it|support|service desk|helpdesk|help desk))?\b/,
  /\b(can|could|would) (someone|somebody|anyone|anybody|you|u) (please |pls )?(help|assist|have a look|take a look|look into (it|this))( me)?( (with|on) (this|it))?\b/,
  /\b(any|your) help (would be |is )?(much |greatly )?(appreciated|welcome)\b/,
  /\b(thanks|thank you|thx|ty|cheers)( (so|very) much| a lot| in advance| again)?\b/,
  /\b(please|pls|plz|pleeease|kindly) help( me)?\b|\bhelp( me)? (please|pls|plz)\b|\bhelp!+/,
  /\b(please|pls|plz|kindly)\b/,
  /\b(quick question|just wondering|i was wondering|sorry to bother you|hope you are well|hope youre well)\b/,
];

const global = (pattern: RegExp) => new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');

const PATTERNS: RegExp[] = [
  ...URGENCY_PATTERNS.map(([, pattern]) => pattern),
  ...IMPACT_PATTERNS.map(([, pattern]) => pattern),
  ...FILLER,
].map(global);

const FILLER_PATTERNS = FILLER.map(global);

/**
 * Remove what a message says about impact, urgency and manners ("for the whole team", "urgent", "nobody can work",
 * "hi", "please help", "thanks") so that the intent models see the topic words. The same phrases drive
 * {@link inferImpactUrgency}, which reads the original text.
 * @param text raw message
 * @returns the normalized text without those phrases; the normalized original when nothing else would remain
 */
export function stripContextPhrases(text: string): string {
  return stripAll(text, PATTERNS);
}

/**
 * Remove only greetings, politeness and pleas for help, keeping what the message says about impact and urgency:
 * "stopped working" or "nobody can work" say little about the topic but much about the kind (an incident).
 * @returns the normalized text without those phrases; the normalized original when nothing else would remain
 */
export function stripFillerPhrases(text: string): string {
  return stripAll(text, FILLER_PATTERNS);
}

function stripAll(text: string, patterns: RegExp[]): string {
  const normalized = normalizeText(text);
  let stripped = normalized;
  for (const pattern of patterns) stripped = stripped.replace(pattern, ' ');
  return /[\p{L}\p{N}]/u.test(stripped) ? stripped : normalized;
}
