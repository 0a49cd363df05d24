import type { AppendedActivity, TranscriptActivity, TranscriptStore } from '../../src/core/index.js';
import type { StreamHub } from './stream-hub.js';

/** Appends activities to a transcript and wakes the conversation's open streams. */
export interface TranscriptWriter {
  (conversationId: string, activity: TranscriptActivity): Promise<AppendedActivity>;
  /** Several activities in order, in one write (a turn's replies). */
  many(conversationId: string, activities: TranscriptActivity[]): Promise<AppendedActivity[]>;
  /** Append unless a client's retry: see {@link TranscriptStore.appendUnlessSeen}; streams wake only for a new one. */
  unlessSeen(conversationId: string, activity: TranscriptActivity, clientActivityId: string): Promise<{ appended: AppendedActivity; first: boolean }>;
}

/** A {@link TranscriptWriter} that stamps each activity with the server `timestamp` (ISO 8601) Direct Line sets. */
export function createTranscriptWriter(store: TranscriptStore, streams: StreamHub | undefined): TranscriptWriter {
  const write = async (conversationId: string, activity: TranscriptActivity) => {
    const appended = await store.append(conversationId, { ...activity, timestamp: new Date().toISOString() });
    streams?.notify(conversationId);
    return appended;
  };
  write.many = async (conversationId: string, activities: TranscriptActivity[]) => {
    const timestamp = new Date().toISOString();
    const appended = await store.appendMany(conversationId, activities.map((a) => ({ ...a, timestamp })));
    if (appended.length) streams?.notify(conversationId);
    return appended;
  };
  write.unlessSeen = async (conversationId: string, activity: TranscriptActivity, clientActivityId: string) => {
    const result = await store.appendUnlessSeen(conversationId, { ...activity, timestamp: new Date().toISOString() }, clientActivityId);
    if (result.first) streams?.notify(conversationId);
    return result;
  };
  return write;
}
