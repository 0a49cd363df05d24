import pino, { type Logger } from 'pino';
import { redactObject } from '../redaction/redact.js';

export type { Logger };

/**
 * Structured JSON logger. Every logged object passes through secret redaction, and well-known secret fields are
 * censored outright, so a token pasted into a message or a header never reaches the log.
 */
export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'deskbot' },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', '*.password', '*.token', '*.secret'],
        censor: '[redacted]',
      },
      formatters: { log: (obj) => redactObject(obj) as Record<string, unknown> },
      serializers: { err: pino.stdSerializers.err },
    },
    options.destination,
  );
}
