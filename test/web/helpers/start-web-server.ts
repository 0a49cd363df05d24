import { randomBytes } from 'node:crypto';
import fastify from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../support/db.js';
import { createFakeTurnHandler, type FakeTurnHandler } from '../../support/fake-turn-handler.js';
import { createPrismaTranscriptStore } from '../../../src/transcripts/prisma-transcript-store.js';
import { registerWebChannel, type WebChannel, type WebChannelDeps } from '../../../adapters/web/index.js';
import type { TranscriptStore } from '../../../src/core/index.js';

/** A running web channel on 127.0.0.1 with the fake pipeline and a fresh PostgreSQL database. */
export interface WebServer {
  url: string;
  turns: FakeTurnHandler;
  store: TranscriptStore;
  channel: WebChannel;
  tokenKey: Uint8Array;
  logs: { level: string; fields: object; message?: string }[];
  close(): Promise<void>;
}

/** Start the web channel on an ephemeral port; `overrides` replace deps (e.g. `secret`). */
export async function startWebServer(overrides: Partial<WebChannelDeps> = {}, db?: TestDatabase): Promise<WebServer> {
  const database = db ?? (await createTestDatabase());
  const turns = createFakeTurnHandler();
  const store = createPrismaTranscriptStore(database.prisma);
  const tokenKey = new Uint8Array(randomBytes(32));
  const logs: WebServer['logs'] = [];
  const log = (level: string) => (fields: object, message?: string) => { logs.push({ level, fields, message }); };
  const app = fastify();
  const channel = await registerWebChannel(app, {
    turns, store, tokenKey, tokenTtlSeconds: 1800,
    logger: { info: log('info'), warn: log('warn'), error: log('error') },
    ...overrides,
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url, turns, store, channel, tokenKey, logs,
    async close() {
      await app.close();
      if (!db) await database.drop();
    },
  };
}
