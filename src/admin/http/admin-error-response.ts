import { DeskbotError } from '../../core/errors.js';
import { AdminError } from '../admin-error.js';

/** What the admin routes log with; pino's Logger fits. */
export interface AdminRoutesLogger {
  error(fields: object, message?: string): void;
}

/**
 * Map anything thrown in an admin route to a status and `{ error: { code, message } }`: coded errors keep their
 * status and code, Fastify's 4xx (bad JSON, body too large, unsupported media type) stay 4xx, the rest is a logged 500.
 */
export function adminErrorResponse(err: unknown, logger: AdminRoutesLogger, url: string): { status: number; body: { error: { code: string; message: string } } } {
  if (err instanceof AdminError || err instanceof DeskbotError) {
    if (err.status >= 500) logger.error({ err, url }, 'admin request failed');
    return { status: err.status, body: { error: { code: err.code, message: err.message } } };
  }
  const e = err as { statusCode?: number; message?: string };
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    const code = e.statusCode === 413 ? 'too_large' : e.statusCode === 415 ? 'unsupported_media_type' : 'bad_request';
    return { status: e.statusCode, body: { error: { code, message: e.message ?? 'Bad request' } } };
  }
  logger.error({ err, url }, 'admin request failed');
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side.' } } };
}
