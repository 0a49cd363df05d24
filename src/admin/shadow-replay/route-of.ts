/** Confidence tiers of the pipeline: act at or above `act`, confirm between, lost below `confirm`. */
export interface Thresholds {
  act: number;
  confirm: number;
}

/** What a classification says about a message: an understanding, or the one recorded on a stored message. */
export interface Classified {
  kind: string;
  intent: string | null;
  confidence: number;
}

/** Where a message would go: its kind, intent and confidence tier. */
export interface Route {
  kind: string;
  intent: string | null;
  confidence: number;
  tier: 'act' | 'confirm' | 'lost';
}

/**
 * The route the conversation pipeline takes for a classification, in the pipeline's terms: ticket status and
 * greetings are rule-based and always acted on; out of scope or no intent is lost; otherwise the confidence picks the
 * tier (with today's thresholds, also for a recorded classification: the thresholds of the time are not stored).
 */
export function routeOf(u: Classified, thresholds: Thresholds): Route {
  const confidence = Math.round(u.confidence * 1000) / 1000;
  const base = { kind: u.kind, intent: u.intent, confidence };
  if (u.kind === 'ticket_status' || u.kind === 'greeting') return { ...base, tier: 'act' };
  if (u.kind === 'out_of_scope' || !u.intent) return { ...base, tier: 'lost' };
  return { ...base, tier: u.confidence >= thresholds.act ? 'act' : u.confidence >= thresholds.confirm ? 'confirm' : 'lost' };
}

/**
 * True when two routes differ in kind or intent — which covers out of scope ↔ an intent, as out of scope carries no
 * intent. Confidence and its tier are extra information, not a different route: a recorded route's tier is judged
 * with today's thresholds, and the same intent at another confidence still goes to the same place.
 */
export function routesDiffer(a: Route, b: Route): boolean {
  return a.kind !== b.kind || (a.intent ?? null) !== (b.intent ?? null);
}

/** True when two routes agree on kind and intent but land in different confidence tiers (act, confirm, lost). */
export function onlyTierDiffers(a: Route, b: Route): boolean {
  return !routesDiffer(a, b) && a.tier !== b.tier;
}
