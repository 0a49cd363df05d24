// Published model versions: freeze the draft, switch what is live, and keep every instance on it.
export { publishDraft, activateVersion, ensureLiveVersion, type PublishResult, type ActivationAction } from './publish-draft.js';
export { listVersions, type VersionSummary, type ActivationSummary } from './list-versions.js';
export { rollbackPlan, rollbackLiveVersion, type RollbackPlan } from './rollback.js';
export { loadLiveModel, readServingFingerprint, notifyServingChange, modelNotifyChannel, type VersionRef, type VersionKey, type ServingFingerprint } from './live-model.js';
export { watchLiveModel } from './watch-live-model.js';
export { parseSnapshot, snapshotHash, canonicalSnapshot, modelSnapshotSchema, intentDefinitionSchema, intentKinds, type ModelSnapshot } from './model-snapshot.js';
