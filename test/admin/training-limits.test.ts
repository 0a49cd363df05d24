import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { catalogTrainerInWorker } from '../../src/app/train-catalog-in-worker.js';
import { storeIntents } from '../../src/intents/store-intents.js';
import { startAdminServer, type AdminServer } from './start-admin-server.js';

let server: AdminServer;
const logged: Array<{ level: number; msg: string; err?: { message: string } }> = [];

beforeAll(async () => {
  // A training limit no real training meets: every training after the first load runs past its time.
  const logger = pino({ level: 'info' }, { write: (line: string) => { logged.push(JSON.parse(line)); } });
  server = await startAdminServer({ trainCatalog: catalogTrainerInWorker({ timeoutMs: 1 }), logger });
});
afterAll(async () => { await server?.close(); });

test('a training that runs past its time is stopped: the publish is refused with 503, the live model stays and the failure is logged', async () => {
  const before = server.holder.current();
  const live = server.holder.liveVersion();
  await storeIntents(server.db.prisma, [{
    name: 'badge_fault', kind: 'incident', description: 'Door badge not working', defaultImpact: 3, defaultUrgency: 2,
    examples: ['my door badge does not open the door', 'badge reader rejects my card', 'the badge reader at the entrance is broken', 'door badge not working'],
  }]);

  const res = await server.app.inject({ method: 'POST', url: '/api/admin/versions', headers: { authorization: `Bearer ${server.token}` }, payload: {} });

  expect(res.statusCode).toBe(503);
  expect(res.json().error.message).toMatch(/^The intent training took longer than 1 s and was stopped/);
  expect(server.holder.current()).toBe(before);
  expect(server.holder.liveVersion()).toEqual(live);
  expect(server.holder.current().catalog.get('badge_fault')).toBeUndefined();
  expect(logged).toContainEqual(expect.objectContaining({
    level: 50, msg: expect.stringMatching(/training the intent model failed/), err: expect.objectContaining({ message: expect.stringMatching(/took longer/) }),
  }));
});
