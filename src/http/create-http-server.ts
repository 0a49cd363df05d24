import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import { DeskbotError } from '../core/errors.js';
import type { DeskbotMetrics } from '../observability/metrics.js';

/** Largest request body accepted, in bytes: room for a 100 KB message plus its JSON envelope. */
export const bodyLimitBytes = 512 * 1024;

/**
 * Which proxies' `X-Forwarded-For` to believe when working out a client's address (`request.ip`, which rate limits
 * count by): false (none, the default), true (any), a hop count, or addresses/CIDRs. Fastify's `trustProxy`.
 */
export type TrustProxy = boolean | number | string[];

/**
 * The one HTTP server every channel shares. Errors reach clients as `{ error: { code, message } }` with the status of
 * the DeskbotError (or 400 for bodies Fastify could not parse), never a stack trace.
 */
export function createHttpServer(options: { logger: Logger; metrics: DeskbotMetrics; trustProxy?: TrustProxy }): FastifyInstance {
  const app = Fastify({
    // A hop count as Fastify's own semantics (trust the n nearest proxies); its types take it only as a function.
    trustProxy: typeof options.trustProxy === 'number' ? trustHops(options.trustProxy) : options.trustProxy ?? false,
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: bodyLimitBytes,
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'].slice(0, 100) : randomUUID()),
    // Per-request lines would drown the log in Direct Line polls; turns and errors are logged where they happen.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
  });
  app.setErrorHandler((err: unknown, request, reply) => {
    if (err instanceof DeskbotError) {
      return reply.status(err.status).send({ error: { code: err.code, message: err.message } });
    }
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.status(e.statusCode).send({ error: { code: 'bad_request', message: e.message ?? 'Bad request' } });
    }
    options.metrics.errors.inc({ stage: 'http' });
    request.log.error({ err }, 'request failed');
    return reply.status(500).send({ error: { code: 'internal', message: 'Internal error' } });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` } });
  });
  return app;
}

function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}
