import pino from 'pino';
import { loadConfig } from '../../src/config/config.js';
import { startDeskbot } from '../../src/app/start-deskbot.js';
import { startDirectLine } from '../../src/cli/direct-line-client.js';
import { createTestDatabase } from '../support/db.js';
import { percentile } from './percentile.js';

const sample = [
  'vpn keeps disconnecting every few minutes',
  'i need access to the finance share',
  'outlook not syncing',
  'my tickets',
  'new starter laptop',
  'printer on floor 2 is jammed',
  'how do i reset my password',
  'license for visio',
  'wifi down for the whole floor nobody can work',
  'hello',
];

/**
 * Message → reply latency through the Direct Line endpoint on loopback: `conversations` concurrent conversations
 * each sending `perConversation` messages one after another (POST the activity, then GET the reply by watermark).
 * Runs on a throwaway database on the real PostgreSQL and the real Redis.
 */
export async function benchDirectLine(options: { conversations?: number; perConversation?: number } = {}) {
  const conversations = options.conversations ?? 100;
  const perConversation = options.perConversation ?? 10;
  const db = await createTestDatabase();
  await db.prisma.$disconnect();
  const config = loadConfig({ DATABASE_URL: db.url, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  const deskbot = await startDeskbot(config, pino({ level: 'silent' }));
  try {
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: conversations }, async (_, c) => {
      const session = await startDirectLine(deskbot.url);
      for (let i = 0; i < perConversation; i++) {
        const t0 = performance.now();
        try {
          const replies = await session.say(sample[(c + i) % sample.length]!, `bench-${c}`);
          if (!replies.length) errors++;
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    return {
      conversations,
      messages: latencies.length,
      errors,
      replyP50Ms: percentile(latencies, 50),
      replyP99Ms: percentile(latencies, 99),
      throughputPerSecond: Math.round(latencies.length / seconds),
      rssMb: Math.round(process.memoryUsage().rss / 1e6),
    };
  } finally {
    await deskbot.close();
    await db.drop();
  }
}
