import type { App } from '@slack/bolt';
import type { InboundJournal } from '../../../src/core/index.js';
import type { SlackLogger } from '../slack-channel-deps.js';
import { summarizeJournaled } from './journal-summary.js';

/** When journaled events count as lost, and how often to look. */
export interface JournalReplayOptions {
  /** Age in ms past which a journaled event's turn is taken as lost (longer than any normal turn). */
  afterMs: number;
  /** Interval in ms between looks after the one at start-up (other instances' crashes). */
  everyMs: number;
  /** Replays of one event before it is moved to the unprocessed messages (admins see them). Default 5. */
  maxAttempts?: number;
  /** Events taken per claim. Default 50. */
  batch?: number;
}

/** Replays of the journal: one at start-up, then every `everyMs`. */
export interface JournalReplay {
  /** Replay every stale event now; resolves with how many were replayed, once their turns are done. */
  runOnce(): Promise<number>;
  /** Replay now (in the background) and then on the interval. */
  start(): void;
  /** Stop the interval (a replay in progress goes on; `idle` waits for it). */
  stop(): void;
  /** Resolves when no replay is running. */
  idle(): Promise<void>;
}

/**
 * Replay journaled Slack deliveries (events, choice clicks, modal submissions, `/it <text>`; journal-key.ts) whose turn
 * never finished (the process died after Slack's acknowledgement): each goes through `bolt.processEvent` again — the
 * very path a live delivery takes, journal included, so it is settled when its turn is stored. A replay of a delivery
 * whose turn did commit (the process died before settling) is dropped by the pipeline's event-id dedupe: no second
 * reply, no second ticket. Claims hold a row for `afterMs`, so two instances do not replay the same delivery at once
 * and failed replays are spaced out. When the last of `maxAttempts` replays fails, the pass releases the row and moves
 * it to the unprocessed messages that `GET /api/admin/unprocessed` lists; each pass first moves any exhausted row whose
 * replaying instance died mid-replay (its hold over).
 */
export function createJournalReplay(bolt: App, journal: InboundJournal, log: SlackLogger, options: JournalReplayOptions): JournalReplay {
  const maxAttempts = options.maxAttempts ?? 5;
  const batch = options.batch ?? 50;
  let running: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function retireExhausted(): Promise<void> {
    try {
      const moved = await journal.retireExhausted('slack', { maxAttempts, reason: `replayed ${maxAttempts} times without success`, summarize: summarizeJournaled });
      for (const eventId of moved) log.error({ eventId }, 'Slack delivery replayed too often without success: moved to the unprocessed messages');
    } catch (err) {
      log.error({ err }, 'exhausted Slack journal rows could not be moved to the unprocessed messages; tried again at the next replay');
    }
  }

  async function replayAll(): Promise<number> {
    await retireExhausted();
    let replayed = 0;
    let lastAttempts = false;
    for (;;) {
      const entries = await journal.claimStale('slack', { olderThanMs: options.afterMs, holdMs: options.afterMs, maxAttempts, limit: batch });
      if (!entries.length) break;
      await Promise.all(entries.map(async (entry) => {
        log.warn({ eventId: entry.eventId, attempt: entry.attempts }, 'Slack delivery acknowledged but never answered (crash?): replaying it');
        try {
          await bolt.processEvent({ body: entry.body, ack: async () => undefined });
        } catch (err) {
          log.error({ err, eventId: entry.eventId }, 'Slack delivery replay failed');
        }
        // The last replay is over: a row still there failed it. Release it, so the move below takes it in this pass.
        if (entry.attempts >= maxAttempts) {
          lastAttempts = true;
          await journal.release('slack', entry.eventId)
            .catch((err: unknown) => log.error({ err, eventId: entry.eventId }, 'Slack journal row could not be released; moved once its hold is over'));
        }
      }));
      replayed += entries.length;
      if (entries.length < batch) break;
    }
    if (lastAttempts) await retireExhausted();
    return replayed;
  }

  function runOnce(): Promise<number> {
    running ??= replayAll().finally(() => { running = null; });
    return running;
  }

  return {
    runOnce,
    start() {
      const tick = () => void runOnce().catch((err: unknown) => log.error({ err }, 'Slack journal replay failed'));
      tick();
      timer ??= setInterval(tick, options.everyMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    async idle() {
      await running?.catch(() => undefined);
    },
  };
}
