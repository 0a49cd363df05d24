import { normalizeText } from './normalize-text.js';

type Level = 1 | 2 | 3;

// Patterns are tried from high to low; the first that matches decides. They are exported because the same phrases
// are stripped before intent classification: they say how bad or how urgent, never what the topic is.
/** ITIL impact phrases (on normalized text), highest level first. */
export const IMPACT_PATTERNS: ReadonlyArray<readonly [Level, RegExp]> = [
  [1, /\b(whole|entire) (floor|office|building|company|site|department|team|org|organisation|organization)\b|\b(every ?one|every ?body|all (users|staff|employees|of us)|nobody|no ?one)(?! else) (can|is|in|on|at|here)?\b|\bcompany[- ]wide\b|\b(site|office|building)[- ]wide\b|\boutage\b/],
  [2, /\b(my|our|the) (team|department|dept|group)\b|\b(several|multiple|many|few|some) (of us|people|users|colleagues|staff)\b|\bcolleagues (also|too)\b/],
  [3, /\b(only|just) (me|mine|my)\b|\bonly affects me\b|\b(nobody|no ?one) else\b/],
];

/** ITIL urgency phrases (on normalized text), in the order they are tried: high, low, then medium. "Not urgent" is low, not high. */
export const URGENCY_PATTERNS: ReadonlyArray<readonly [Level, RegExp]> = [
  [1, /(?<!\b(?:not|no|isn't|isnt|nothing|hardly) (?:(?:that|very|too|so|really|particularly|super) )?)\b(urgent|urgently|asap|emergency|critical|immediately|right now|straight away)\b|\b(cant|cannot|can't|unable to|not able to) (do (any|my) )?work\b|\b(nobody|no ?one|none of us) (can|is able to|are able to) (do (any|our) )?work\b|\b(every ?one|every ?body|we|all of us) (cant|can't|cannot|are unable to) (do (any|our) )?work\b|\b(blocked|stopped) (from )?working\b|\bdeadline (is )?(today|in \d+|this)\b|\b(client|customer) (meeting|presentation|demo) (in|at)\b|\bproduction (is )?down\b/],
  [3, /\b(no rush|not urgent|no hurry|whenever|low priority|when you (get|have) (a )?(chance|time|moment)|at your convenience|next week is fine)\b|(?<!\b(no|not|without)( a)? )\b(work ?around|workaround)\b|\b(can|could) still (do my )?work\b|\bnot blocking\b|\b(?:not|isn'?t|hardly) (?:that |very |too |so |really |particularly |super )?urgent\b/],
  [2, /\b(soon|today|by tomorrow|this week|quite urgent|important)\b/],
];

/**
 * Read ITIL impact and urgency from the wording (1 high, 2 medium, 3 low): "whole floor" → impact 1,
 * "my team" → 2, "only me" → 3; "urgent", "can't work", "nobody can work" → urgency 1, "today" → 2, "no rush", "I can work around it" → 3.
 * @returns each level only when the words say something about it
 */
export function inferImpactUrgency(text: string): { impact?: Level; urgency?: Level } {
  const normalized = normalizeText(text).replace(/[\u2019']/g, "'");
  const result: { impact?: Level; urgency?: Level } = {};
  const impact = IMPACT_PATTERNS.find(([, pattern]) => pattern.test(normalized));
  const urgency = URGENCY_PATTERNS.find(([, pattern]) => pattern.test(normalized));
  if (impact) result.impact = impact[0];
  if (urgency) result.urgency = urgency[0];
  return result;
}
