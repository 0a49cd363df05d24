import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { registerQueueDashboard } from '../../src/admin/register-queue-dashboard.js';
import { createAdmin, findAdminByToken, revokeAdmin } from '../../src/admin/accounts/admin-accounts.js';
import { createTestDatabase } from '../support/db.js';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const adminToken = 'admin-token-for-tests-0123456789';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

interface QueuesApiBody {
  queues: Array<{ name: string; counts: Record<string, number>; jobs: Array<{ id: string; failedReason?: string }> }>;
}

describe('queue dashboard', () => {
  let queue: Queue;
  let app: FastifyInstance;

  beforeEach(async () => {
    queue = new Queue(`admin-test-${randomUUID()}`, { connection: { url: redisUrl } });
    app = Fastify();
    app.get('/outside', async () => ({ ok: true }));
    await registerQueueDashboard(app, { queues: [queue], adminToken });
    await app.ready();
  });

  afterEach(async () => {
    await app.close();
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it.each([
    ['no credentials', undefined],
    ['a wrong bearer token', 'Bearer wrong-token-wrong-token-wrong-token'],
    ['a wrong basic password', basic('admin', 'wrong-token-wrong-token-wrong-token')],
    ['the token as basic user name instead of password', basic(adminToken, 'x')],
    ['a bearer token with a suffix', `Bearer ${adminToken}x`],
    ['another scheme', `Token ${adminToken}`],
  ])('refuses %s with 401 and a Basic challenge, on the page, the API and the assets', async (_label, authorization) => {
    for (const url of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/static/images/logo.svg']) {
      const res = await app.inject({ url, headers: authorization ? { authorization } : {} });
      expect(res.statusCode, url).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Basic realm="deskbot admin"');
      expect(res.body).not.toContain(queue.name);
    }
  });

  it('serves the page and its assets with the token, as bearer or as basic password with any user name', async () => {
    for (const authorization of [`Bearer ${adminToken}`, `bearer ${adminToken}`, basic('anyone', adminToken), basic('', adminToken)]) {
      const page = await app.inject({ url: '/admin/queues', headers: { authorization } });
      expect(page.statusCode, authorization).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.body).toContain('<base href="/admin/queues/" />');
    }
    const asset = await app.inject({ url: '/admin/queues/static/images/logo.svg', headers: { authorization: `Bearer ${adminToken}` } });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toContain('<svg');
  });

  it('lists the queue through the JSON API with the token', async () => {
    await queue.add('escalation', { ticket: 'INC0000001' }, { jobId: 'esc-1', delay: 60_000 });
    const res = await app.inject({ url: '/admin/queues/api/queues', headers: { authorization: `Bearer ${adminToken}` } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as QueuesApiBody;
    const listed = body.queues.find((q) => q.name === queue.name);
    expect(listed).toBeDefined();
    expect(listed?.counts.delayed).toBe(1);
  });

  it('shows a failed job through the API and lets an admin retry it', async () => {
    const events = new QueueEvents(queue.name, { connection: { url: redisUrl } });
    await events.waitUntilReady();
    const worker = new Worker(queue.name, async () => { throw new Error('agent channel unreachable'); }, { connection: { url: redisUrl, maxRetriesPerRequest: null } });
    try {
      const job = await queue.add('escalation', { ticket: 'INC0000002' }, { jobId: 'esc-2' });
      await expect(job.waitUntilFinished(events)).rejects.toThrow('agent channel unreachable');
      await worker.close();

      const auth = { authorization: basic('admin', adminToken) };
      const res = await app.inject({ url: `/admin/queues/api/queues?activeQueue=${queue.name}&status=failed&page=1`, headers: auth });
      expect(res.statusCode).toBe(200);
      const listed = (res.json() as QueuesApiBody).queues.find((q) => q.name === queue.name);
      expect(listed?.counts.failed).toBe(1);
      expect(listed?.jobs.map((j) => [j.id, j.failedReason])).toEqual([['esc-2', 'agent channel unreachable']]);

      const retried = await app.inject({ method: 'PUT', url: `/admin/queues/api/queues/${queue.name}/esc-2/retry`, headers: auth });
      expect(retried.statusCode).toBe(204);
      expect(await queue.getJobState('esc-2')).toBe('waiting');
    } finally {
      await worker.close();
      await events.close();
    }
  });

  it('refuses actions other than retry with 405 and leaves the queue alone', async () => {
    await queue.add('escalation', { ticket: 'INC0000003' }, { jobId: 'esc-3' });
    const auth = { authorization: `Bearer ${adminToken}` };
    const empty = await app.inject({ method: 'PUT', url: `/admin/queues/api/queues/${queue.name}/empty`, headers: auth });
    expect(empty.statusCode).toBe(405);
    const add = await app.inject({ method: 'POST', url: `/admin/queues/api/queues/${queue.name}/add`, headers: auth, payload: { name: 'x', data: {} } });
    expect(add.statusCode).toBe(405);
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });
  });

  it('guards only its own routes', async () => {
    const res = await app.inject({ url: '/outside' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['www-authenticate']).toBeUndefined();
  });
});

describe('queue dashboard opened by admin accounts', () => {
  it('accepts an admin account token (no ADMIN_TOKEN needed) until it is revoked; other tokens get 401', async () => {
    const db = await createTestDatabase();
    const queue = new Queue(`admin-test-${randomUUID()}`, { connection: { url: redisUrl } });
    const app = Fastify();
    try {
      await registerQueueDashboard(app, { queues: [queue], isAdminAccountToken: async (token) => (await findAdminByToken(db.prisma, token)) !== null });
      await app.ready();
      const { token } = await createAdmin(db.prisma, { name: 'Ada Admin', email: 'ada@example.com' });
      const status = async (authorization?: string) => (await app.inject({ url: '/admin/queues/api/queues', headers: authorization ? { authorization } : {} })).statusCode;
      expect(await status(`Bearer ${token}`)).toBe(200);
      expect(await status(basic('ada', token))).toBe(200);
      expect(await status(`Bearer ${token}x`)).toBe(401);
      expect(await status(`Bearer ${adminToken}`)).toBe(401);
      expect(await status()).toBe(401);
      await revokeAdmin(db.prisma, 'ada@example.com');
      expect(await status(`Bearer ${token}`)).toBe(401);
    } finally {
      await app.close();
      await queue.obliterate({ force: true });
      await queue.close();
      await db.drop();
    }
  });
});
