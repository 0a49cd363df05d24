import type { App } from '@slack/bolt';
import type { InboundJournal } from '../../../src/core/index.js';
import type { SlackLogger } from '../slack-channel-deps.js';
import { withDeliveryOutcome } from './delivery-outcome.js';

type ReceiverEvent = Parameters<App['processEvent']>[0];

/** The Events API envelope's `event_id` when `body` is an `event_callback` (the deliveries journaled), else null. */
export function journaledEventId(body: unknown): string | null {
  const envelope = body as { type?: unknown; event_id?: unknown } | null;
  return envelope?.type === 'event_callback' && typeof envelope.event_id === 'string' && envelope.event_id ? envelope.event_id : null;
}

/**
 * Put the write-ahead journal in front of Bolt: every Events API envelope is recorded before Bolt sees it — and so
 * before its acknowledgement, which Bolt sends first thing for events, over HTTP (our receiver) and Socket Mode alike —
 * and settled once its listeners are done, unless one of them failed (the row stays for a replay). Both receivers call
 * `app.processEvent`, so wrapping it covers both. When the journal cannot be written the event is still processed:
 * only its crash safety is lost, and the error is logged.
 */
export function journalEvents(bolt: App, journal: InboundJournal, log: SlackLogger): { idle(): Promise<void> } {
  const processEvent = bolt.processEvent.bind(bolt);
  const inFlight = new Set<Promise<void>>();
  bolt.processEvent = (event: ReceiverEvent) => {
    const run = journaled(event);
    inFlight.add(run);
    void run.catch(() => undefined).finally(() => inFlight.delete(run));
    return run;
  };
  return {
    /** Resolves once every delivery received so far is processed and settled (Socket Mode has no receiver of ours to ask). */
    async idle() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };

  async function journaled(event: ReceiverEvent): Promise<void> {
    const eventId = journaledEventId(event.body);
    if (!eventId) return processEvent(event);
    let recorded = true;
    try {
      await journal.record('slack', eventId, event.body);
    } catch (err) {
      recorded = false;
      log.error({ err, eventId }, 'Slack event could not be journaled; processing it anyway (a crash now would lose it)');
    }
    const outcome = await withDeliveryOutcome(() => processEvent(event));
    if (!recorded) return;
    if (outcome.failed) {
      log.warn({ eventId }, 'Slack event failed; kept in the journal for a replay');
      return;
    }
    await journal.settle('slack', eventId).catch((err: unknown) => log.error({ err, eventId }, 'Slack journal row could not be removed; a replay will find the turn done'));
  }
}
