import { LogLevel, type Logger } from '@slack/bolt';
import type { SlackLogger } from './slack-channel-deps.js';

/**
 * Bolt's logger interface over deskbot's pino-like logger. Bolt logs strings; they go out as `{ source: 'bolt' }` lines.
 * Bolt's debug and info lines (every Web API call, rate-limit notices, socket reconnects) are dropped unless Bolt's
 * level is set to debug — deskbot logs what matters itself — so busy paths do not pay for building them.
 */
export function toBoltLogger(logger: SlackLogger): Logger {
  let level = LogLevel.INFO;
  const line = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  return {
    debug: (...args) => { if (level === LogLevel.DEBUG) logger.debug({ source: 'bolt' }, line(args)); },
    info: (...args) => { if (level === LogLevel.DEBUG) logger.debug({ source: 'bolt' }, line(args)); },
    warn: (...args) => logger.warn({ source: 'bolt' }, line(args)),
    error: (...args) => logger.error({ source: 'bolt' }, line(args)),
    setLevel: (l) => { level = l; },
    getLevel: () => level,
    setName: () => undefined,
  };
}
