import type { Understanding } from '../classification/types.js';
import { asksForHuman } from './asks-for-human.js';
import { showsFrustration } from './frustration.js';
import type { TurnServices } from './turn.js';

type RoutingServices = Pick<TurnServices, 'catalog' | 'thresholds' | 'vocabulary'>;

/** No intent to act on: out of scope, an intent the catalogue lacks, or too unsure even to ask. */
export function missesIntent(understanding: Understanding, services: RoutingServices): boolean {
  const intent = understanding.intent ? services.catalog.get(understanding.intent) : undefined;
  return understanding.kind === 'out_of_scope' || !intent || understanding.confidence < services.thresholds.confirm;
}

/**
 * Whether respond() answers a fresh typed message (no question of deskbot's pending) with a knowledge search that
 * has no intent behind it: an IT question deskbot has no intent for. That is the one reply a language model drafts,
 * so the pipeline asks this before the turn's transaction to draft the answer there (draft-before-turn.ts), and
 * respond() asks the same, so the two cannot disagree.
 * @param text the turn's text (sanitized, secrets redacted)
 */
export function searchesWithoutIntent(text: string, understanding: Understanding, services: RoutingServices): boolean {
  if (!text || showsFrustration(text) || asksForHuman(text)) return false;
  if (understanding.kind === 'ticket_status' || understanding.kind === 'greeting') return false;
  return missesIntent(understanding, services) && services.vocabulary.covers(text);
}
