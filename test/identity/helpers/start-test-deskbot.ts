import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pino from 'pino';
import { loadConfig } from '../../../src/config/config.js';
import { startDeskbot, type RunningDeskbot } from '../../../src/app/start-deskbot.js';
import type { InboundMessage } from '../../../src/core/index.js';
import { createTestDatabase, type TestDatabase } from '../../support/db.js';

/** A whole deskbot (real pipeline, web channel, escalations) on a fresh database, the test Redis and a free port. */
export interface TestDeskbot {
  deskbot: RunningDeskbot;
  db: TestDatabase;
  url: string;
  /** A message as the Slack adapter delivers it: a verified user of workspace `T…` with the email Slack gave. */
  fromSlack(user: { id: string; team: string; email: string }, text: string): ReturnType<RunningDeskbot['turns']['handle']>;
  close(): Promise<void>;
}

/** Start deskbot with extra environment (e.g. DIRECTLINE_SECRET, OIDC_*); PORT is taken from `env` or picked. */
export async function startTestDeskbot(env: Record<string, string> = {}): Promise<TestDeskbot> {
  const db = await createTestDatabase({ migrate: false });
  await db.prisma.$disconnect();
  const config = loadConfig({
    DATABASE_URL: db.url, REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', PORT: '0', HOST: '127.0.0.1',
    LOG_LEVEL: process.env.DEBUG_DESKBOT ? 'debug' : 'silent', ESCALATION_QUEUE: `test-identity-${randomBytes(4).toString('hex')}`,
    DIRECTLINE_TOKEN_KEY: randomBytes(32).toString('hex'), ...env,
  });
  // DEBUG_DESKBOT=1 shows deskbot's own log while a test is being investigated.
  const deskbot = await startDeskbot(config, pino({ level: process.env.DEBUG_DESKBOT ? 'debug' : 'silent' }));
  let slackEvents = 0;
  return {
    deskbot, db, url: deskbot.url,
    fromSlack(user, text) {
      const message: InboundMessage = {
        channel: 'slack', eventId: `Ev${Date.now()}${slackEvents++}`, conversation: { externalId: `D${user.id}` },
        sender: { externalId: user.id, tenant: user.team, email: user.email, verified: true }, text,
      };
      return deskbot.turns.handle(message);
    },
    async close() {
      await deskbot.close();
      await db.drop();
    },
  };
}

/** A TCP port free right now on 127.0.0.1 (for servers whose URL must be known before they start). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
