/** Codes of every failure deskbot reports on purpose. */
export type DeskbotErrorCode =
  | 'config_invalid'
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'not_found'
  /** The request clashes with the record's current state (e.g. resolving an escalation already resolved): 409. */
  | 'conflict'
  | 'channel_send_failed'
  | 'dependency_missing'
  | 'evaluation_timeout'
  /** deskbot is still starting (e.g. training its intent model); answered 503 with `Retry-After`. */
  | 'starting'
  | 'internal';

/** A coded error; `status` is the HTTP status it maps to when it reaches a client. */
export class DeskbotError extends Error {
  readonly code: DeskbotErrorCode;
  readonly status: number;
  constructor(code: DeskbotErrorCode, message: string, options?: { status?: number; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = 'DeskbotError';
    this.code = code;
    this.status = options?.status ?? defaultStatus[code];
  }
}

const defaultStatus: Record<DeskbotErrorCode, number> = {
  config_invalid: 500,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  not_found: 404,
  conflict: 409,
  channel_send_failed: 502,
  dependency_missing: 500,
  evaluation_timeout: 503,
  starting: 503,
  internal: 500,
};

/** Wrap anything thrown into a DeskbotError, keeping coded errors as they are. */
export function asDeskbotError(err: unknown): DeskbotError {
  if (err instanceof DeskbotError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new DeskbotError('internal', message, { cause: err });
}
