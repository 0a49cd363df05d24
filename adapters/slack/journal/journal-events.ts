import type { App } from '@slack/bolt';
import type { InboundJournal } from '../../../src/core/index.js';
import type { SlackLogger } from '../slack-channel-deps.js';
import { withDeliveryOutcome } from './delivery-outcome.js';
import { journalKey } from './journal-key.js';

type ReceiverEvent = Parameters<App['processEvent']>[0];

/**
 * Put the write-ahead journal in front of Bolt: every delivery that carries an employee turn (journal-key.ts: Events
 * API envelopes, choice clicks, form and new-request submissions, `/it <text>`) is recorded before Bolt sees it — and
 * so before its acknowledgement, which our listeners send first thing, over HTTP (our receiver) and Socket Mode alike —
 * and settled once its listeners are done, unless one of them failed (the row stays for a replay). Both receivers call
 * `app.processEvent`, so wrapping it covers both. When the journal cannot be written the delivery is still processed:
 * only its crash safety is lost, and the error is logged.
 * @param slashCommand deskbot's own slash command (e.g. `/it`); other commands are not journaled
 */
export function journalEvents(bolt: App, journal: InboundJournal, log: SlackLogger, slashCommand: string): { idle(): Promise<void> } {
  const own = slashCommand.toLowerCase();
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
    const eventId = journalKey(event.body, own);
    if (!eventId) return processEvent(event);
    let recorded = true;
    try {
      await journal.record('slack', eventId, event.body);
    } catch (err) {
      recorded = false;
      log.error({ err, eventId }, 'Slack delivery could not be journaled; processing it anyway (a crash now would lose it)');
    }
    const outcome = await withDeliveryOutcome(() => processEvent(event));
    if (!recorded) return;
    if (outcome.failed) {
      log.warn({ eventId }, 'Slack delivery failed; kept in the journal for a replay');
      return;
    }
    await journal.settle('slack', eventId).catch((err: unknown) => log.error({ err, eventId }, 'Slack journal row could not be removed; a replay will find the turn done'));
  }
}
