import pg from 'pg';
import type { Logger } from 'pino';

/** What {@link listenForNotifications} calls back. */
export interface NotificationHandlers {
  /** Every NOTIFY on the channel. */
  onNotify: () => void;
  /** Each time LISTEN takes effect (first connect and every reconnect): catch up on what was missed meanwhile. */
  onListening?: () => void;
}

/**
 * LISTEN on a PostgreSQL NOTIFY channel on a connection of its own; reconnect a second after it drops. Callers keep
 * a poll as well, so a gap while reconnecting only delays work.
 * @param channel a plain identifier (it is put into the LISTEN statement as is)
 * @param label names the listener in log lines (`escalation`, `model`)
 * @returns stop(), which closes the connection
 */
export function listenForNotifications(
  databaseUrl: string, channel: string, handlers: NotificationHandlers, logger: Logger, label: string,
): { stop(): Promise<void> } {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const again = () => { if (!stopped) retry = setTimeout(() => void connect(), 1000); };

  const connect = async () => {
    const c = new pg.Client({ connectionString: databaseUrl });
    c.on('notification', () => handlers.onNotify());
    c.on('error', (err) => {
      logger.warn({ err }, `${label} LISTEN connection lost; polling until it is back`);
      void c.end().catch(() => undefined);
      again();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      if (stopped) await c.end();
      else client = c;
      handlers.onListening?.();
    } catch (err) {
      logger.warn({ err }, `${label} LISTEN failed; polling only`);
      await c.end().catch(() => undefined);
      again();
    }
  };
  void connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
