import { inferImpactUrgency } from '../classification/infer-impact-urgency.js';
import type { Level } from '../tickets/priority-matrix.js';
import { parseChoiceValue, type ImpactAnswer } from './choice-values.js';
import { buttons } from './wording.js';
import { collapseWhitespace } from '../core/collapse-whitespace.js';

/** ITIL impact and urgency implied by each answer to the one impact question. */
export const impactAnswers: Record<ImpactAnswer, { impact: Level; urgency: Level }> = {
  many_blocked: { impact: 1, urgency: 1 },
  me_blocked: { impact: 3, urgency: 1 },
  workaround: { impact: 3, urgency: 3 },
};

/**
 * What a typed reply to "how badly does it affect work?" says. `choice` when it repeats a button (its label or its
 * number 1–3), so typing and clicking give the same priority; `statement` when its words say who is affected or
 * whether they can work ("just me", "the whole team", "can't work at all", "minor"), with only the levels they say.
 */
export type ImpactReply =
  | { source: 'choice'; answer: ImpactAnswer; impact: Level; urgency: Level }
  | { source: 'statement'; impact?: Level; urgency?: Level };

// Only read as answers to the impact question: out of that context "minor" or "me" say nothing about a ticket.
// Tried in order; the first match of each level wins. Negated severity ("not that bad") is tried before severity.
const replyUrgency: ReadonlyArray<readonly [Level, RegExp]> = [
  [3, /\b(minor|trivial|cosmetic|annoying|an annoyance|inconvenient|a nuisance|no big deal|(it'?s|that'?s) (ok|okay|fine)|manageable|low)\b|\bnot (that |very |too |so |really |particularly )?(bad|badly|much|a lot|serious|seriously|severe|important|critical|a problem|blocking)\b|^(not really|not at all|barely|hardly|a (little|bit)|slightly)\b|\b(i can|i'?m|i am) (still )?(work|working|manage|managing|cope|coping|live with it|get by)\b|\bstill (working|able to work)\b/],
  [1, /\b(badly|very bad|really bad|terrible|terribly|severe|severely|seriously|serious|completely|totally|entirely|a lot|high|critical|blocked|stuck|at a standstill|nothing works|can'?t do anything|cannot do anything|unable to do anything)\b/],
  [2, /\b(medium|moderate|moderately|somewhat|partly|partially|a fair bit)\b/],
];

const replyImpact: ReadonlyArray<readonly [Level, RegExp]> = [
  [1, /^(every ?one|every ?body|all of us|the whole (lot|place))\b|^all$|\b(lots of|loads of|most of|a lot of) (people|us|users|colleagues|staff)\b/],
  [2, /^(several|multiple|many|a few|some|a couple)( of us| people| users| colleagues)?\b|\b(my|our|the) (whole |entire )?(team|unit|squad|department|office|floor)\b|\b(my )?colleagues( too| as well)?\b/],
  [3, /^(me|myself|mine)( only| alone| too)?$|\b(only|just) (me|myself|mine|my (own )?(laptop|pc|computer|account|machine|phone))\b|\b(nobody|no ?one) else\b|\bonly one\b|\bonly (affects|affecting) me\b/],
];

/** Lower case, straight apostrophes, spaces collapsed, end punctuation dropped. */
function plain(text: string): string {
  return collapseWhitespace(text.toLowerCase().replace(/[\u2018\u2019`]/g, "'")).replace(/[.!?\s]+$/, '');
}

/**
 * Read a typed reply to the impact question.
 * @param text the employee's reply (redacted)
 * @returns the answer it gives, or null when it gives none ("yes", "asdfgh", "what's the weather like")
 */
export function readImpactReply(text: string): ImpactReply | null {
  const typed = plain(text);
  const choices = buttons.impact();
  const byNumber = /^(?:option |number |no\.? ?|#)?([1-3])[.)]?$/.exec(typed);
  const chosen = byNumber ? choices[Number(byNumber[1]) - 1] : choices.find((c) => plain(c.label) === typed);
  const action = chosen ? parseChoiceValue(chosen.value) : null;
  if (action?.type === 'impact') return { source: 'choice', answer: action.level, ...impactAnswers[action.level] };

  // The shared ITIL cue phrases first (they also read "can't work", "nobody can work"), then the short answers.
  const inferred = inferImpactUrgency(text);
  // "not only me" holds "only me": the negation decides, before the shared cues read it as one person.
  const notAlone = /\bnot (only|just) (me|myself)\b|\b(i'?m|i am) not the only one\b/.test(typed) ? 2 as const : undefined;
  const impact = notAlone ?? inferred.impact ?? replyImpact.find(([, p]) => p.test(typed))?.[0];
  const urgency = inferred.urgency ?? replyUrgency.find(([, p]) => p.test(typed))?.[0];
  if (impact === undefined && urgency === undefined) return null;
  return { source: 'statement', ...(impact !== undefined ? { impact } : {}), ...(urgency !== undefined ? { urgency } : {}) };
}
