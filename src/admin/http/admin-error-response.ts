import { DeskbotError } from '../../core/errors.js';
import { AdminError } from '../admin-error.js';
import { uniqueViolation } from './unique-violation.js';

/** What the admin routes log with; pino's Logger fits. */
export interface AdminRoutesLogger {
  error(fields: object, message?: string): void;
}

/**
 * Map anything thrown in an admin route to a status and `{ error: { code, message } }`: coded errors keep their
 * status and code, a unique-key violation (two requests creating the same record at once) is 409 `conflict`,
 * Fastify's 4xx (bad JSON, body too large, unsupported media type) stay 4xx, the rest is a logged 500.
 * @param bodyLimitBytes the route's body limit, named in a 413 so the admin knows how far to shrink the file
 */
export function adminErrorResponse(
  err: unknown, logger: AdminRoutesLogger, url: string, bodyLimitBytes?: number,
): { status: number; body: { error: { code: string; message: string } } } {
  err = uniqueViolation(err) ?? err;
  if (err instanceof AdminError || err instanceof DeskbotError) {
    if (err.status >= 500) logger.error({ err, url }, 'admin request failed');
    return { status: err.status, body: { error: { code: err.code, message: err.message } } };
  }
  const e = err as { statusCode?: number; message?: string };
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    const code = e.statusCode === 413 ? 'too_large' : e.statusCode === 415 ? 'unsupported_media_type' : 'bad_request';
    const message = e.statusCode === 413 && bodyLimitBytes ? `The request body is larger than ${byteSize(bodyLimitBytes)}.` : e.message ?? 'Bad request';
    return { status: e.statusCode, body: { error: { code, message } } };
  }
  logger.error({ err, url }, 'admin request failed');
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side.' } } };
}

/** `5 MiB`, `512 KiB`, `100 bytes`: binary units, as the README states the limits. */
function byteSize(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
