import type { Logger } from 'pino';
import { listenForNotifications } from '../db/listen-for-notifications.js';
import { modelNotifyChannel } from './live-model.js';

/** What {@link watchLiveModel} needs. */
export interface LiveModelWatchDeps {
  /** Reload what changed (ServiceHolder.sync); called on every NOTIFY and every poll. */
  sync: () => Promise<unknown>;
  /** `postgresql://` URL to LISTEN on; undefined → poll only (PGlite does not deliver NOTIFY). */
  databaseUrl?: string;
  /** Milliseconds between polls, the fallback for a lost NOTIFY or a dropped LISTEN connection. */
  pollMs: number;
  logger: Logger;
}

/**
 * Keep this instance on the live model version and current articles: LISTEN on `deskbot_model` for publishes,
 * rollbacks and article edits from any instance, and poll as a fallback. Reconnects a dropped LISTEN after a second.
 * @returns stop(), which ends the poll and the connection
 */
export function watchLiveModel(deps: LiveModelWatchDeps): { stop(): Promise<void> } {
  let stopped = false;
  const sync = () => {
    if (!stopped) deps.sync().catch((err) => deps.logger.warn({ err }, 'could not load the live model; keeping the current one'));
  };
  const poll = setInterval(sync, deps.pollMs);
  poll.unref();
  // A publish between the last poll and LISTEN taking effect would otherwise wait for the next poll: sync on listening.
  const listener = deps.databaseUrl
    ? listenForNotifications(deps.databaseUrl, modelNotifyChannel, { onNotify: sync, onListening: sync }, deps.logger, 'model')
    : null;
  return {
    async stop() {
      stopped = true;
      clearInterval(poll);
      await listener?.stop();
    },
  };
}
