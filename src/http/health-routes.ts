import type { FastifyInstance } from 'fastify';
import type { DeskbotMetrics } from '../observability/metrics.js';

/** A named readiness check: resolves true when the dependency answers. */
export type ReadinessCheck = () => Promise<boolean>;

/**
 * `GET /healthz`: the process is alive. `GET /readyz`: every dependency answers (200) or not (503, naming which).
 * `GET /metrics`: Prometheus text exposition.
 */
export function registerOperationalRoutes(app: FastifyInstance, options: { checks: Record<string, ReadinessCheck>; metrics: DeskbotMetrics }): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const names = Object.keys(options.checks);
    const results = await Promise.all(names.map((n) => options.checks[n]!().catch(() => false)));
    const checks = Object.fromEntries(names.map((n, i) => [n, results[i] ? 'ok' : 'down']));
    const ready = results.every(Boolean);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
  });
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', options.metrics.registry.contentType);
    return options.metrics.registry.metrics();
  });
}
