import type { FastifyInstance } from 'fastify';
import type { DeskbotErrorCode } from '../core/errors.js';

/** Paths served while deskbot starts: liveness, readiness and metrics need nothing start-up is still building. */
const servedWhileStarting = new Set(['/healthz', '/readyz', '/metrics']);

/** Seconds a client is told to wait before trying again while deskbot starts. */
const retryAfterSeconds = 5;

/** The switch {@link registerStartUpGate} returns. */
export interface StartUpGate {
  /** Serve every route from now on. */
  open(): void;
  /** true once {@link StartUpGate.open} was called. */
  isOpen(): boolean;
}

/**
 * Let the server listen before start-up is done (e.g. while the intent model trains), answering `/healthz`,
 * `/readyz` and `/metrics` at once and every other request 503 `starting` with `Retry-After`, as a chat or admin
 * request could not be answered yet. Why listen early: an orchestrator's liveness probe must not see a start-up of a
 * large catalogue as a hung process. Register it before any other route or plugin, so it covers them all.
 * @returns the gate; it is closed until `open()` is called
 */
export function registerStartUpGate(app: FastifyInstance): StartUpGate {
  let open = false;
  app.addHook('onRequest', async (request, reply) => {
    if (open || servedWhileStarting.has(request.url.split('?')[0]!)) return;
    await reply.status(503).header('retry-after', String(retryAfterSeconds))
      .send({ error: { code: 'starting' satisfies DeskbotErrorCode, message: 'deskbot is starting; try again in a few seconds.' } });
  });
  return {
    open: () => { open = true; },
    isOpen: () => open,
  };
}
