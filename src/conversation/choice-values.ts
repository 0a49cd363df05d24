/**
 * The opaque button values deskbot puts in replies and gets back in `InboundAction.value`.
 * Kept short because Slack and Teams limit action payload sizes.
 */
export type ChoiceAction =
  | { type: 'yes' }
  | { type: 'no' }
  | { type: 'intent'; intent: string }
  | { type: 'none' }
  /**
   * An answer to the impact question. `ref` names what the question was about: the unticketed incident's id (state
   * `ask_impact` or parked) or the number of a ticket logged at its defaults. Buttons without one (sent before refs
   * existed) answer whatever question is pending.
   */
  | { type: 'impact'; level: ImpactAnswer; ref?: string }
  | { type: 'open_ticket' }
  | { type: 'human' }
  | { type: 'rate'; score: 1 | 2 | 3 | 4 | 5 }
  /** A service-request form submitted, with the values entered (`fields` only on the way in). */
  | { type: 'form'; intent: string; fields?: Record<string, string> };

/** Answers to the one impact question: who is affected and can they work. */
export type ImpactAnswer = 'many_blocked' | 'me_blocked' | 'workaround';

/** Encode a choice action as a button value. */
export function choiceValue(action: ChoiceAction): string {
  switch (action.type) {
    case 'intent': return `intent:${action.intent}`;
    case 'impact': return `impact:${action.level}${action.ref ? `:${action.ref}` : ''}`;
    case 'rate': return `rate:${action.score}`;
    case 'form': return `form:${action.intent}`;
    default: return action.type;
  }
}

/** Decode a button value (and a submitted form's `fields`); null for anything deskbot did not issue. */
export function parseChoiceValue(value: string, fields?: Record<string, string>): ChoiceAction | null {
  const [head, arg] = value.split(':', 2) as [string, string | undefined];
  if (head === 'intent' && arg) return { type: 'intent', intent: arg };
  if (head === 'form' && arg) return { type: 'form', intent: arg, fields: fields ?? {} };
  if (head === 'impact') return parseImpactValue(value);
  if (head === 'rate' && arg && /^[1-5]$/.test(arg)) return { type: 'rate', score: Number(arg) as 1 | 2 | 3 | 4 | 5 };
  if (head === 'yes' || head === 'no' || head === 'none' || head === 'open_ticket' || head === 'human') return { type: head };
  return null;
}

// Refs are UUIDs or ticket numbers: anything else in that place is not a value deskbot issued.
const impactValuePattern = /^impact:(many_blocked|me_blocked|workaround)(?::([A-Za-z0-9-]{1,64}))?$/;

function parseImpactValue(value: string): ChoiceAction | null {
  const match = impactValuePattern.exec(value);
  if (!match) return null;
  const level = match[1] as ImpactAnswer;
  return match[2] ? { type: 'impact', level, ref: match[2] } : { type: 'impact', level };
}

const yesPattern = /^(y|yes|yeah|yep|yup|sure|ok|okay|correct|right|exactly|it did|that did|solved|fixed|that worked|it worked|works now|perfect|great)\b/i;
const noPattern = /^(n|no|nope|nah|not really|not quite|didn'?t|did not|doesn'?t|does not|still|wrong|neither|none)\b/i;

/** Read a typed yes/no, for employees who answer in words instead of pressing a button. */
export function typedYesNo(text: string): 'yes' | 'no' | null {
  const t = text.trim();
  if (t.length > 60) return null;
  if (noPattern.test(t)) return 'no';
  if (yesPattern.test(t)) return 'yes';
  return null;
}
