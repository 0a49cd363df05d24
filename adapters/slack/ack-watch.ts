import type { App } from '@slack/bolt';

type ReceiverEvent = Parameters<App['processEvent']>[0];

/** Deliveries received and not yet acknowledged, for work that should wait for them. */
export interface AckWatch {
  /**
   * Resolves once no delivery waits for its acknowledgement, checked after the event loop's pending I/O (requests
   * that already arrived) had a turn; or after `maxWaitMs` at the latest, so a stuck delivery cannot hold work back.
   */
  quiet(maxWaitMs?: number): Promise<void>;
  /** Deliveries waiting for their acknowledgement now. */
  readonly pending: number;
}

/**
 * Count the deliveries Bolt holds between receiving them and their `ack` (or the end of their processing, when
 * nothing acknowledged), by wrapping `app.processEvent`, which the HTTP receiver and Socket Mode both call. Turn work
 * waits for {@link AckWatch.quiet}: a turn is mostly CPU on the one event loop, so turns started during a burst would
 * push every later acknowledgement back by their run time (and the journal insert each one waits for).
 */
export function watchAcks(bolt: App): AckWatch {
  const processEvent = bolt.processEvent.bind(bolt);
  let pending = 0;
  const wake: Array<() => void> = [];
  const done = () => {
    pending -= 1;
    if (pending === 0) for (const resolve of wake.splice(0)) resolve();
  };
  bolt.processEvent = (event: ReceiverEvent) => {
    pending += 1;
    let acked = false;
    const once = () => { if (!acked) { acked = true; done(); } };
    const ack: ReceiverEvent['ack'] = async (response) => {
      once();
      return event.ack(response);
    };
    return processEvent({ ...event, ack }).finally(once);
  };
  return {
    get pending() { return pending; },
    async quiet(maxWaitMs = 1000) {
      const deadline = Date.now() + maxWaitMs;
      for (;;) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        const left = deadline - Date.now();
        if (pending === 0 || left <= 0) return;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake.push(() => { clearTimeout(timer); resolve(); });
        });
      }
    },
  };
}
