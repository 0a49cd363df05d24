// Worker-thread entry: trains and evaluates off the event loop that serves employees. Started by runInWorker.
import { answerParent } from '../../core/answer-parent.js';
import { runEvaluationJob } from './evaluation-jobs.js';

answerParent(runEvaluationJob);
