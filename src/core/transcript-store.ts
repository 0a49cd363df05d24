/**
 * Storage of Direct Line 3.0 transcripts: the web channel keeps every activity of a conversation in order so clients can
 * poll with a watermark, reconnect, and so proactive messages reach a conversation nobody is connected to.
 */

/** A Direct Line activity as JSON (Bot Framework Activity schema); the store does not interpret it. */
export type TranscriptActivity = Record<string, unknown>;

/** A Direct Line conversation as stored. */
export interface TranscriptConversation {
  id: string;
  /** The user id a token was bound to when the conversation was created; null for a guest conversation. */
  userId: string | null;
  /** The bound user's namespace (SenderIdentity.tenant): the OpenID Connect issuer for a signed-in employee; else null. */
  userTenant: string | null;
  createdAt: Date;
}

/** One page of a transcript, as `GET …/activities?watermark=` returns it. */
export interface TranscriptPage {
  /** Activities after the watermark, oldest first, each with its `id` set (`<conversationId>|<seq, 7+ digits>`). */
  activities: TranscriptActivity[];
  /** Opaque position of the last activity returned (decimal string); the one asked for when nothing is newer. */
  watermark: string;
}

/** An activity after it was appended. */
export interface AppendedActivity {
  /** The Direct Line activity id, `<conversationId>|<seq>`. */
  id: string;
  /** The watermark that points just past this activity. */
  watermark: string;
  /** The activity as stored, with `id` set. */
  activity: TranscriptActivity;
}

/** Direct Line transcripts. Every method throws only on storage failures. */
export interface TranscriptStore {
  /** Create a conversation; `userId` (in namespace `userTenant`) binds it to a signed-in user. Throws when the id exists. */
  createConversation(input: { id: string; userId?: string; userTenant?: string }): Promise<TranscriptConversation>;
  /** The conversation, or null when there is none with that id. */
  getConversation(id: string): Promise<TranscriptConversation | null>;
  /** Append an activity at the end of the transcript; any `id` it has is replaced by the assigned one. */
  append(conversationId: string, activity: TranscriptActivity): Promise<AppendedActivity>;
  /** Append several activities in order, in one write (one commit), e.g. the replies of one turn. */
  appendMany(conversationId: string, activities: TranscriptActivity[]): Promise<AppendedActivity[]>;
  /**
   * Activities after `watermark` (all when it is undefined), oldest first, at most `limit` (default 500).
   * @throws DeskbotError `bad_request` when the watermark is not one this store issued (not a decimal string)
   */
  list(conversationId: string, watermark?: string, limit?: number): Promise<TranscriptPage>;
  /**
   * Like {@link list}, with each activity's own watermark: for streams that send one activity per frame.
   * @throws DeskbotError `bad_request` for a watermark this store did not issue
   */
  listAppended(conversationId: string, watermark?: string, limit?: number): Promise<AppendedActivity[]>;
  /**
   * Append `activity` unless the conversation already has one with this `channelData.clientActivityID` (a client's
   * retry), in one write. `first` says which: true with the activity just appended, false with the earlier one.
   */
  appendUnlessSeen(conversationId: string, activity: TranscriptActivity, clientActivityId: string): Promise<{ appended: AppendedActivity; first: boolean }>;
}
