import type { Understanding } from '../../classification/types.js';
import type { ModelSnapshot } from '../../model-versions/model-snapshot.js';
import { crossValidate, evaluateOnTestSet, understandAll, type LabelledText } from './evaluate-model.js';
import type { EvaluationReport } from './score-predictions.js';

/** Work that trains a model, run off the request thread. */
export type EvaluationJob =
  | { type: 'cross_validate'; snapshot: ModelSnapshot; folds: number }
  | { type: 'test_set'; snapshot: ModelSnapshot; tests: LabelledText[] }
  | { type: 'understand'; snapshot: ModelSnapshot; texts: string[] };

/** What each job type yields. */
export type EvaluationResult<J extends EvaluationJob> = J extends { type: 'understand' } ? Understanding[] : EvaluationReport;

/** Run one job synchronously (inside the worker thread). */
export function runEvaluationJob(job: EvaluationJob): EvaluationReport | Understanding[] {
  switch (job.type) {
    case 'cross_validate': return crossValidate(job.snapshot, job.folds);
    case 'test_set': return evaluateOnTestSet(job.snapshot, job.tests);
    case 'understand': return understandAll(job.snapshot, job.texts);
  }
}
