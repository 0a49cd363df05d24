import { DeskbotError } from '../../core/errors.js';
import type { FieldLogger } from '../../core/field-logger.js';

/** What the agent routes log with; pino's Logger fits. */
export type AgentRoutesLogger = FieldLogger;

/**
 * Map anything thrown in an agent route to a status and `{ error: { code, message } }`: DeskbotErrors keep their
 * status, Fastify's 4xx (bad JSON, body too large) stay 4xx, the rest is a logged 500 without details.
 */
export function agentErrorResponse(err: unknown, logger: AgentRoutesLogger, url: string):
{ status: number; body: { error: { code: string; message: string } } } {
  if (err instanceof DeskbotError) {
    if (err.status >= 500) logger.error({ err, url }, 'agent desk request failed');
    return { status: err.status, body: { error: { code: err.code, message: err.message } } };
  }
  const e = err as { statusCode?: number; message?: string };
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, body: { error: { code: 'bad_request', message: e.message ?? 'Bad request' } } };
  }
  logger.error({ err, url }, 'agent desk request failed');
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side.' } } };
}
