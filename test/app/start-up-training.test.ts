import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.js';
import { startDeskbot, type RunningDeskbot } from '../../src/app/start-deskbot.js';
import { createServiceHolder } from '../../src/app/service-holder.js';
import { trainCatalogInWorker, type CatalogTrainer } from '../../src/app/train-catalog-in-worker.js';
import { DeskbotError } from '../../src/core/errors.js';
import { storeIntents } from '../../src/intents/store-intents.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { startDirectLine } from '../../src/cli/direct-line-client.js';
import { applyMigrations } from '../../src/db/apply-migrations.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { freePort } from '../identity/helpers/start-test-deskbot.js';
import { largeDraft } from '../admin/large-draft.js';
import { smallCatalogue } from '../admin/small-catalogue.js';

let db: TestDatabase;
let config: Config;
let deskbot: RunningDeskbot | undefined;

beforeAll(async () => {
  // A catalogue of 2,000 examples: seconds of training, during which the test asks the server things.
  db = await createTestDatabase({ migrate: false });
  await applyMigrations(db.url, pino({ level: 'silent' }));
  await storeIntents(db.prisma, largeDraft());
  config = loadConfig({ ...configEnv(), PORT: String(await freePort()), ESCALATION_QUEUE: `test-start-up-${Date.now()}` });
}, 60_000);
afterAll(async () => {
  await deskbot?.close();
  await db?.drop();
});

/** Environment of a deskbot on the test database and Redis. */
function configEnv(): NodeJS.ProcessEnv {
  return { DATABASE_URL: db.url, REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
}

/** GET `path`, retrying while nothing listens yet (the server starts listening while the model trains). */
async function getWhenListening(url: string): Promise<Response> {
  for (;;) {
    try {
      return await fetch(url);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

test('start-up trains the model in a worker: the server answers health checks meanwhile, and chats once trained', async () => {
  const events: string[] = [];
  let trainingStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => { trainingStarted = resolve; });
  // The real worker trainer, noting when start-up training starts and ends.
  const trainAtStart: CatalogTrainer = (intents, outOfScopeExamples) => {
    events.push(`training ${intents.length} intents`);
    trainingStarted();
    return trainCatalogInWorker(intents, outOfScopeExamples).finally(() => events.push('trained'));
  };
  const starting = startDeskbot(config, pino({ level: 'silent' }), { trainAtStart });
  starting.then((running) => { deskbot = running; }, () => {});
  await Promise.race([started, starting.then(() => { throw new Error('deskbot started without calling the start-up trainer'); })]);

  const base = `http://127.0.0.1:${config.PORT}`;
  const health = await getWhenListening(`${base}/healthz`);
  events.push(`health ${health.status}`);
  const readiness = await fetch(`${base}/readyz`);
  events.push(`ready ${readiness.status} model ${(await readiness.json()).checks.model}`);
  const chat = await fetch(`${base}/`);
  events.push(`chat ${chat.status} retry-after ${chat.headers.get('retry-after')}`);
  const refusal = await chat.text();
  deskbot = await starting;

  // Had training run on the event loop, nothing could have been answered before it finished.
  expect(events).toEqual(['training 41 intents', 'health 200', 'ready 503 model down', 'chat 503 retry-after 5', 'trained']);
  expect(JSON.parse(refusal)).toMatchObject({ error: { code: 'starting' } });
  expect(await (await fetch(`${deskbot.url}/readyz`)).json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok', model: 'ok' } });
  expect(deskbot.services.current().catalog.understander.understand('how do i get a parking permit for the car park').intent).toBe('parking_permit');
  const replies = await (await startDirectLine(deskbot.url)).say('my docking station keeps crashing at home', 'someone');
  expect(replies.length).toBeGreaterThan(0);
}, 120_000);

test('a start-up training whose worker fails trains on the main thread instead; a training that itself fails stops start-up', async () => {
  const small = await createTestDatabase();
  try {
    const { intents, outOfScopeExamples } = smallCatalogue();
    await storeIntents(small.prisma, intents, outOfScopeExamples);
    const base = { thresholds: { act: 0.6, confirm: 0.3 }, metrics: createMetrics() };
    const workerDied: CatalogTrainer = async () => { throw new DeskbotError('internal', 'The intent training failed in its worker: gone', { status: 503 }); };
    const holder = await createServiceHolder(small.prisma, base, { trainAtStart: workerDied });
    expect(holder.current().catalog.understander.understand('the vpn keeps dropping').intent).toBe('vpn_down');

    const badData: CatalogTrainer = async () => { throw new DeskbotError('bad_request', 'Training failed: no intent has examples'); };
    await expect(createServiceHolder(small.prisma, base, { trainAtStart: badData })).rejects.toThrow(/no intent has examples/);
  } finally {
    await small.drop();
  }
}, 60_000);

test('a stop during the start-up training stops its worker, skips the main-thread retry, and closes the server', async () => {
  const stopConfig = loadConfig({ ...configEnv(), PORT: String(await freePort()), ESCALATION_QUEUE: `test-start-up-stop-${Date.now()}` });
  const startUp = new AbortController();
  let trainingStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => { trainingStarted = resolve; });
  let training: Promise<unknown> = Promise.resolve();
  const trainAtStart: CatalogTrainer = (intents, outOfScopeExamples, signal) => {
    trainingStarted();
    training = trainCatalogInWorker(intents, outOfScopeExamples, signal);
    return training as ReturnType<CatalogTrainer>;
  };
  const logged: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => { logged.push(line); } });
  const starting = startDeskbot(stopConfig, logger, { trainAtStart, signal: startUp.signal });
  starting.catch(() => {});
  await started;
  const base = `http://127.0.0.1:${stopConfig.PORT}`;
  expect((await getWhenListening(`${base}/healthz`)).status).toBe(200);

  startUp.abort(new Error('stopped by the test'));
  await expect(starting).rejects.toThrow('stopped by the test');
  // The worker was stopped, not left to finish, nor retried on the main thread (seconds of a blocked event loop).
  await expect(training).rejects.toThrow(/was stopped/);
  expect(logged.join('')).not.toMatch(/on the main thread/);
  await expect(fetch(`${base}/healthz`)).rejects.toThrow();
}, 120_000);
