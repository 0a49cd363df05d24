import { expect, test } from 'vitest';
import { createRedis, pingRedis } from '../../src/redis/connection.js';
import { freePort } from '../../src/redis/free-port.js';

test('createRedis talks to the real Redis with BullMQ-compatible options', async () => {
  const redis = createRedis('redis://127.0.0.1:6379');
  try {
    expect(redis.options.maxRetriesPerRequest).toBeNull();
    expect(await pingRedis(redis)).toBe(true);
  } finally {
    redis.disconnect();
  }
});

test('pingRedis answers false, without hanging, when nothing listens', async () => {
  const redis = createRedis(`redis://127.0.0.1:${await freePort()}`);
  redis.on('error', () => undefined);
  try {
    expect(await pingRedis(redis, 300)).toBe(false);
  } finally {
    redis.disconnect();
  }
});
