/**
 * Whether the queue dashboard may serve a request, by method and path (relative to the dashboard's base path, no
 * query string). Reading is always allowed; of Bull Board's actions only retrying is: one job
 * (`PUT /api/queues/:queueName/:jobId/retry`) or every failed job (`PUT /api/queues/:queueName/retry/failed`).
 * Why: the escalation outbox and the worker's dedupe are what guarantee one agent post per escalation; cleaning,
 * emptying, adding or editing jobs by hand would go around them.
 * @returns true to serve it, false to answer 405
 */
export function isAllowedDashboardRequest(method: string, path: string): boolean {
  if (method === 'GET' || method === 'HEAD') return true;
  if (method !== 'PUT') return false;
  return /^\/api\/queues\/[^/]+\/[^/]+\/retry$/.test(path) || /^\/api\/queues\/[^/]+\/retry\/failed$/.test(path);
}
