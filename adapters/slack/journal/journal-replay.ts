import type { App } from '@slack/bolt';
import type { InboundJournal } from '../../../src/core/index.js';
import type { SlackLogger } from '../slack-channel-deps.js';
import { summarizeJournaledEvent } from './journal-summary.js';

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
 * Replay journaled Slack events whose turn never finished (the process died after Slack's acknowledgement): each goes
 * through `bolt.processEvent` again — the very path a live event takes, journal included, so it is settled when its
 * turn is stored. A replay of an event whose turn did commit (the process died before settling) is dropped by the
 * pipeline's event-id dedupe: no second reply, no second ticket. Claims hold a row for `afterMs`, so two instances do
 * not replay the same event at once. An event replayed `maxAttempts` times without success is moved, at the next look
 * (once its last replay's hold is over), to the unprocessed messages that `GET /api/admin/unprocessed` lists.
 */
export function createJournalReplay(bolt: App, journal: InboundJournal, log: SlackLogger, options: JournalReplayOptions): JournalReplay {
  const maxAttempts = options.maxAttempts ?? 5;
  const batch = options.batch ?? 50;
  let running: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function retireExhausted(): Promise<void> {
    try {
      const moved = await journal.retireExhausted('slack', { maxAttempts, reason: `replayed ${maxAttempts} times without success`, summarize: summarizeJournaledEvent });
      for (const eventId of moved) log.error({ eventId }, 'Slack event replayed too often without success: moved to the unprocessed messages');
    } catch (err) {
      log.error({ err }, 'exhausted Slack journal rows could not be moved to the unprocessed messages; tried again at the next replay');
    }
  }

  async function replayAll(): Promise<number> {
    await retireExhausted();
    let replayed = 0;
    for (;;) {
      const entries = await journal.claimStale('slack', { olderThanMs: options.afterMs, holdMs: options.afterMs, maxAttempts, limit: batch });
      if (!entries.length) return replayed;
      await Promise.all(entries.map(async (entry) => {
        log.warn({ eventId: entry.eventId, attempt: entry.attempts }, 'Slack event acknowledged but never answered (crash?): replaying it');
        try {
          await bolt.processEvent({ body: entry.body, ack: async () => undefined });
        } catch (err) {
          log.error({ err, eventId: entry.eventId }, 'Slack event replay failed');
        }
        if (entry.attempts >= maxAttempts) log.warn({ eventId: entry.eventId }, 'last replay of this Slack event; if it fails again, the next replay moves it to the unprocessed messages');
      }));
      replayed += entries.length;
      if (entries.length < batch) return replayed;
    }
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
