import { createKeyedLine } from '../../../src/core/index.js';

/** A message's place in its conversation's line, taken when Slack delivered it. */
export interface ArrivalTicket {
  /** Resolves once every message delivered before this one in the same conversation has started its turn (or given up). */
  ready: Promise<void>;
  /** This message's turn has started (or it will have none): the next one may go. Safe to call more than once. */
  started(): void;
}

/** Lines of Slack messages per conversation key, in delivery order. */
export interface ArrivalOrder {
  /** Take a place now, synchronously, while deliveries are still in the order Slack sent them. */
  take(key: string): ArrivalTicket;
}

/**
 * Run `work` once every earlier arrival of the conversation has started its turn; `work` calls `started` when its own
 * turn has started, and it counts as started anyway once `work` ends (returns, throws or ignores the message).
 */
export async function inArrivalOrder(ticket: ArrivalTicket, work: (started: () => void) => Promise<void>): Promise<void> {
  try {
    await ticket.ready;
    await work(ticket.started);
  } finally {
    ticket.started();
  }
}

/**
 * Keeps a conversation's messages in delivery order up to the pipeline. Between delivery and the turn a message waits
 * for lookups (its thread's holder in the database, the sender's users.info) that can finish in any order, so without
 * a line a later message could reach the pipeline, and be answered, first. Only the start of turns is ordered here;
 * the pipeline itself runs one conversation's turns one at a time, in the order they reach it.
 */
export function createArrivalOrder(): ArrivalOrder {
  const line = createKeyedLine();
  return {
    take(key) {
      let started!: () => void;
      const turnStarted = new Promise<void>((resolve) => { started = resolve; });
      const ready = new Promise<void>((go) => { void line.run(key, () => { go(); return turnStarted; }); });
      return { ready, started };
    },
  };
}
