import { intentModelFromData, type IntentModelData, type TrainedIntentModel } from './train-intent-model.js';
import { kindCues } from './kind-cues.js';

/** The two models of the understanding step (see `createUnderstander`), trained. */
export interface UnderstandingModels {
  intentModel: TrainedIntentModel;
  kindModel: TrainedIntentModel;
}

/**
 * The understanding step's trained models as structured-clonable data: what a worker thread that trained them sends
 * back to the thread that serves employees, so that thread rebuilds them in milliseconds instead of retraining.
 */
export interface UnderstandingModelsData {
  intentModel: IntentModelData;
  kindModel: IntentModelData;
}

/** Turn trained models into plain data; the weight arrays are shared with the models, not copied. */
export function understandingModelsToData(models: UnderstandingModels): UnderstandingModelsData {
  return { intentModel: models.intentModel.toData(), kindModel: models.kindModel.toData() };
}

/**
 * Rebuild the models from {@link understandingModelsToData} without training; they predict exactly what the originals
 * did. The kind model gets its cue words (`kindCues`) back here, since functions cannot travel as data.
 */
export function understandingModelsFromData(data: UnderstandingModelsData): UnderstandingModels {
  return { intentModel: intentModelFromData(data.intentModel), kindModel: intentModelFromData(data.kindModel, kindCues) };
}

/**
 * The large buffers of the data (weights, idf, feature numbers), to transfer rather than copy in `postMessage`.
 * After the transfer they are unusable on the sending side, so only a thread that is done with the models may do it.
 */
export function transferablesOf(data: UnderstandingModelsData): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const model of [data.intentModel, data.kindModel]) {
    const { scorer } = model;
    for (const array of [scorer.bias, scorer.combined, scorer.space.idf, ...Object.values(scorer.space.index).map((g) => g.ids)]) {
      buffers.add(array.buffer as ArrayBuffer);
    }
  }
  return [...buffers];
}
