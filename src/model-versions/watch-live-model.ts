import pg from 'pg';
import type { Logger } from 'pino';
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
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  const sync = () => {
    if (!stopped) deps.sync().catch((err) => deps.logger.warn({ err }, 'could not load the live model; keeping the current one'));
  };
  const poll = setInterval(sync, deps.pollMs);
  poll.unref();

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: deps.databaseUrl });
    c.on('notification', sync);
    c.on('error', (err) => {
      deps.logger.warn({ err }, 'model LISTEN connection lost; polling until it is back');
      void c.end().catch(() => undefined);
      if (!stopped) retry = setTimeout(() => void connect(), 1000);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${modelNotifyChannel}`);
      if (stopped) await c.end();
      else client = c;
      // A publish between the last poll and LISTEN taking effect would otherwise wait for the next poll.
      sync();
    } catch (err) {
      deps.logger.warn({ err }, 'model LISTEN failed; polling only');
      await c.end().catch(() => undefined);
      if (!stopped) retry = setTimeout(() => void connect(), 1000);
    }
  };
  if (deps.databaseUrl) void connect();
  return {
    async stop() {
      stopped = true;
      clearInterval(poll);
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
