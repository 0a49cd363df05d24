import { DeskbotError } from '../../src/core/index.js';
import type { WebLogger } from './web-channel-deps.js';

/** The JSON body of every error the web channel answers: `{ error: { code, message } }`. */
export interface ErrorBody {
  error: { code: string; message: string };
}

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message: string;
}

const fastifyCodes: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'bad_request', message: 'The body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'bad_request', message: 'The body is empty but Content-Type says JSON.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'Send the body as application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', message: 'Content-Length does not match the body.' },
};

/** Map anything thrown in a web channel route to an HTTP status and {@link ErrorBody}; logs 5xx with the cause. */
export function toErrorResponse(err: unknown, logger: WebLogger, url: string): { status: number; body: ErrorBody } {
  if (err instanceof DeskbotError) {
    if (err.status >= 500) logger.error({ err, url }, 'web channel request failed');
    const code = err.status === 413 ? 'payload_too_large' : err.code;
    return { status: err.status, body: { error: { code, message: err.message } } };
  }
  const e = err as FastifyLikeError;
  const known = e.code ? fastifyCodes[e.code] : undefined;
  if (known) return { status: e.statusCode ?? 400, body: { error: known } };
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, body: { error: { code: 'bad_request', message: e.message } } };
  }
  logger.error({ err, url }, 'web channel request failed');
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side.' } } };
}
