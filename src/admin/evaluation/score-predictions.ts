/** One evaluated text: the label it should get and the one the model gave (`out_of_scope` when none). */
export interface ScoredPrediction {
  text: string;
  expected: string;
  predicted: string;
  confidence: number;
}

/** Precision, recall and F1 of one intent (0..1); `support` is how many test texts carry it. */
export interface IntentScore {
  intent: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** The figures an evaluation reports. */
export interface EvaluationReport {
  examples: number;
  /** Share of texts whose predicted label is the expected one (0..1). */
  accuracy: number;
  /** Unweighted mean F1 over the intents that occur in the test texts (0..1). */
  macroF1: number;
  perIntent: IntentScore[];
  /** `matrix[i][j]` = texts expected as `labels[i]` and predicted as `labels[j]`. */
  confusion: { labels: string[]; matrix: number[][] };
  /** Up to 100 wrong predictions, least confident first. */
  mistakes: ScoredPrediction[];
}

/**
 * Score predictions: accuracy, per-label precision/recall/F1 (0 where undefined, as scikit-learn's zero_division=0),
 * macro F1 over labels with support, and the confusion matrix over every label seen either side (sorted by name,
 * `out_of_scope` last).
 */
export function scorePredictions(predictions: ScoredPrediction[]): EvaluationReport {
  const labels = [...new Set(predictions.flatMap((p) => [p.expected, p.predicted]))]
    .sort((a, b) => (a === 'out_of_scope' ? 1 : b === 'out_of_scope' ? -1 : a.localeCompare(b)));
  const index = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  for (const p of predictions) matrix[index.get(p.expected)!]![index.get(p.predicted)!]! += 1;
  const perIntent = labels.map((intent, i) => {
    const truePositives = matrix[i]![i]!;
    const support = matrix[i]!.reduce((s, n) => s + n, 0);
    const predicted = matrix.reduce((s, row) => s + row[i]!, 0);
    const precision = predicted ? truePositives / predicted : 0;
    const recall = support ? truePositives / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { intent, precision: round(precision), recall: round(recall), f1: round(f1), support };
  });
  const supported = perIntent.filter((s) => s.support > 0);
  const correct = predictions.filter((p) => p.expected === p.predicted).length;
  return {
    examples: predictions.length,
    accuracy: round(predictions.length ? correct / predictions.length : 0),
    macroF1: round(supported.length ? supported.reduce((s, x) => s + x.f1, 0) / supported.length : 0),
    perIntent,
    confusion: { labels, matrix },
    mistakes: predictions.filter((p) => p.expected !== p.predicted).sort((a, b) => a.confidence - b.confidence).slice(0, 100),
  };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
