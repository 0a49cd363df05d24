import { afterAll, beforeAll, expect, test } from 'vitest';
import { trainCatalogInWorker, type CatalogTrainer } from '../../src/app/train-catalog-in-worker.js';
import { storeIntents } from '../../src/intents/store-intents.js';
import { registerOperationalRoutes } from '../../src/http/health-routes.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { startAdminServer, type AdminServer } from './start-admin-server.js';
import { largeDraft } from './large-draft.js';

let server: AdminServer;
const events: string[] = [];
let trainingStarted: () => void = () => {};

// The real worker trainer, with a note of when training starts and ends, so the test can ask the server something
// while it trains.
const observedTrainer: CatalogTrainer = (intents, outOfScopeExamples) => {
  events.push('training');
  trainingStarted();
  return trainCatalogInWorker(intents, outOfScopeExamples).finally(() => events.push('trained'));
};

beforeAll(async () => {
  server = await startAdminServer({ trainCatalog: observedTrainer });
  registerOperationalRoutes(server.app, { checks: {}, metrics: createMetrics() });
  await server.listen();
});
afterAll(async () => { await server?.close(); });

test('publishing a large draft trains off the event loop: /healthz answers mid-training, then the new intent is live', async () => {
  await storeIntents(server.db.prisma, largeDraft());
  const started = new Promise<void>((resolve) => { trainingStarted = resolve; });
  const publish = fetch(`${server.url}/api/admin/versions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ note: 'large draft' }),
  }).then(async (res) => { events.push('published'); return res; });

  await started;
  const health = await fetch(`${server.url}/healthz`);
  events.push('health answered');
  expect(health.status).toBe(200);
  const published = await publish;

  expect(published.status).toBe(201);
  // Had training run on the event loop, the health check could only be answered after it finished.
  expect(events).toEqual(['training', 'health answered', 'trained', 'published']);
  expect(server.holder.liveVersion()?.number).toBe(2);
  expect(server.holder.current().catalog.understander.understand('how do i get a parking permit for the car park').intent).toBe('parking_permit');
}, 120_000);

test('a training that fails keeps the old catalogue and reports the error', async () => {
  const before = server.holder.current();
  await expect(trainCatalogInWorker([], [])).rejects.toThrow(/Training failed/);
  expect(server.holder.current()).toBe(before);
});
