// Worker-thread entry: trains the live intent model off the event loop that serves employees, then sends the trained
// weights back as plain data (transferred, not copied). Started by runInWorker (app/train-catalog-in-worker.ts).
import type { IntentDefinition } from '../classification/types.js';
import { trainUnderstandingModels } from '../classification/understand.js';
import { transferablesOf, understandingModelsToData } from '../classification/trained-model-data.js';
import { answerParent } from '../core/answer-parent.js';

answerParent(
  ({ intents, outOfScopeExamples }: { intents: IntentDefinition[]; outOfScopeExamples: string[] }) =>
    understandingModelsToData(trainUnderstandingModels(intents, outOfScopeExamples)),
  transferablesOf,
);
