import pg from 'pg';
import type { Logger } from 'pino';
import { escalationNotifyChannel } from './escalation-jobs.js';

/**
 * LISTEN for committed escalations (the hook's NOTIFY) and call `onNotify` for each, so the relay moves them at
 * once instead of at its next poll. Reconnects after a second when the connection drops; polling covers the gap.
 * @param databaseUrl `postgresql://` URL of the same database the hook writes to
 * @returns stop(), which closes the connection
 */
export function listenForEscalations(databaseUrl: string, onNotify: () => void, logger: Logger): { stop(): Promise<void> } {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const c = new pg.Client({ connectionString: databaseUrl });
    c.on('notification', () => onNotify());
    c.on('error', (err) => {
      logger.warn({ err }, 'escalation LISTEN connection lost; polling until it is back');
      void c.end().catch(() => undefined);
      if (!stopped) retry = setTimeout(() => void connect(), 1000);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${escalationNotifyChannel}`);
      if (stopped) await c.end();
      else client = c;
    } catch (err) {
      logger.warn({ err }, 'escalation LISTEN failed; polling only');
      await c.end().catch(() => undefined);
      if (!stopped) retry = setTimeout(() => void connect(), 1000);
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
