/**
 * The pino-like logger channel adapters and HTTP routes write to: `(fields, message)` calls, as pino takes them
 * (pino's Logger fits; tests pass small fakes).
 */
export interface FieldLogger {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

/** A {@link FieldLogger} that also takes debug lines. */
export interface DebugFieldLogger extends FieldLogger {
  debug(fields: object, message?: string): void;
}
