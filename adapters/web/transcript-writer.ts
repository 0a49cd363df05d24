import type { AppendedActivity, TranscriptActivity, TranscriptStore } from '../../src/core/index.js';
import type { StreamHub } from './stream-hub.js';

/** Appends activities to a transcript and wakes the conversation's open streams. */
export type TranscriptWriter = (conversationId: string, activity: TranscriptActivity) => Promise<AppendedActivity>;

/** A {@link TranscriptWriter} that stamps each activity with the server `timestamp` (ISO 8601) Direct Line sets. */
export function createTranscriptWriter(store: TranscriptStore, streams: StreamHub | undefined): TranscriptWriter {
  return async (conversationId, activity) => {
    const appended = await store.append(conversationId, { ...activity, timestamp: new Date().toISOString() });
    streams?.notify(conversationId);
    return appended;
  };
}
