import type { IntentKind, Prediction } from './types.js';

/** Intents ranked after combining both models, and the combined probability of "out of scope". */
export interface KindScores {
  /** Best first by confidence = P(kind) × P(intent | kind), P(kind) averaged over both models. */
  intents: Array<{ intent: string; kind: IntentKind; confidence: number }>;
  outOfScope: number;
}

/**
 * Mix the kind probabilities of the intent model (summed over each kind's intents) and of the kind model, then
 * spread each kind's probability over its intents in proportion to the intent model. The kind model sees cue words
 * ("not working", "need"), so when the two disagree the kind can override the intent model's favourite topic.
 * @param kindModelShare weight of the kind model in the mix, 0–1 (the intent model gets the rest); default 0.5
 */
export function combineKindScores(
  intentPrediction: Prediction,
  kindPrediction: Prediction,
  kindOf: Map<string, IntentKind>,
  kindModelShare = 0.5,
): KindScores {
  const fromIntents = new Map<string, number>();
  let intentTotal = 0;
  for (const r of intentPrediction.ranking) {
    const kind = kindOf.get(r.label)!;
    fromIntents.set(kind, (fromIntents.get(kind) ?? 0) + r.score);
    intentTotal += r.score;
  }
  const fromKinds = new Map(kindPrediction.ranking.map((r) => [r.label, r.score]));
  const kindTotal = kindPrediction.ranking.reduce((sum, r) => sum + r.score, 0);
  const kindProbability = (kind: string) => (fromIntents.get(kind) ?? 0) * (1 - kindModelShare) + (fromKinds.get(kind) ?? 0) * kindModelShare;
  const intents = intentPrediction.ranking.map((r) => {
    const kind = kindOf.get(r.label)!;
    const share = (fromIntents.get(kind) ?? 0) > 0 ? r.score / fromIntents.get(kind)! : 0;
    return { intent: r.label, kind, confidence: kindProbability(kind) * share };
  });
  intents.sort((a, b) => b.confidence - a.confidence);
  return { intents, outOfScope: Math.max(0, 1 - (intentTotal + kindTotal) / 2) };
}
