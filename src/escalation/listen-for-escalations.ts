import type { Logger } from 'pino';
import { listenForNotifications } from '../db/listen-for-notifications.js';
import { escalationNotifyChannel } from './escalation-jobs.js';

/**
 * LISTEN for committed escalations and relay work (the hook's and the bridge's NOTIFY) and call `onNotify` for each,
 * so the relay moves them at once instead of at its next poll. Reconnects when the connection drops.
 * @param databaseUrl `postgresql://` URL of the same database the hook writes to
 * @returns stop(), which closes the connection
 */
export function listenForEscalations(databaseUrl: string, onNotify: () => void, logger: Logger): { stop(): Promise<void> } {
  return listenForNotifications(databaseUrl, escalationNotifyChannel, { onNotify }, logger, 'escalation');
}
