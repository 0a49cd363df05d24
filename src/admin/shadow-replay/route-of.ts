import type { Understanding } from '../../classification/types.js';

/** Confidence tiers of the pipeline: act at or above `act`, confirm between, lost below `confirm`. */
export interface Thresholds {
  act: number;
  confirm: number;
}

/** Where a message would go: its kind, intent and confidence tier. */
export interface Route {
  kind: string;
  intent: string | null;
  confidence: number;
  tier: 'act' | 'confirm' | 'lost';
}

/**
 * The route the conversation pipeline takes for an understanding, in the pipeline's terms: ticket status and greetings
 * are rule-based and always acted on; out of scope or no intent is lost; otherwise the confidence picks the tier.
 */
export function routeOf(u: Understanding, thresholds: Thresholds): Route {
  const confidence = Math.round(u.confidence * 1000) / 1000;
  const base = { kind: u.kind, intent: u.intent, confidence };
  if (u.kind === 'ticket_status' || u.kind === 'greeting') return { ...base, tier: 'act' };
  if (u.kind === 'out_of_scope' || !u.intent) return { ...base, tier: 'lost' };
  return { ...base, tier: u.confidence >= thresholds.act ? 'act' : u.confidence >= thresholds.confirm ? 'confirm' : 'lost' };
}

/** True when two routes differ in kind, intent or tier (confidence alone moving is not a different route). */
export function routesDiffer(a: Route, b: Route): boolean {
  return a.kind !== b.kind || a.intent !== b.intent || a.tier !== b.tier;
}
