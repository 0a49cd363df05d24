/**
 * In-process fan-out from "this conversation's transcript grew" to the WebSocket streams open on it. Listeners read the
 * new activities from the transcript themselves, so a notification carries no data and can never arrive out of order.
 * One process only: with several instances behind a load balancer a stream sees other instances' appends when it
 * reconnects (or use polling).
 */
export interface StreamHub {
  /** Call `listener` after every append to the conversation; returns the unsubscribe function. */
  subscribe(conversationId: string, listener: () => void): () => void;
  /** Tell the conversation's listeners that its transcript grew. */
  notify(conversationId: string): void;
}

/** A new, empty {@link StreamHub}. */
export function createStreamHub(): StreamHub {
  const listeners = new Map<string, Set<() => void>>();
  return {
    subscribe(conversationId, listener) {
      let set = listeners.get(conversationId);
      if (!set) listeners.set(conversationId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(conversationId);
      };
    },
    notify(conversationId) {
      for (const listener of listeners.get(conversationId) ?? []) listener();
    },
  };
}
