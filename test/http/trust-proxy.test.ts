import pino from 'pino';
import { expect, test } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createHttpServer } from '../../src/http/create-http-server.js';
import { createMetrics } from '../../src/observability/metrics.js';

async function clientAddress(trustProxy: ReturnType<typeof loadConfig>['TRUST_PROXY'], forwardedFor: string): Promise<string> {
  const app = createHttpServer({ logger: pino({ level: 'silent' }), metrics: createMetrics(), trustProxy });
  app.get('/ip', async (request) => ({ ip: request.ip }));
  const res = await app.inject({ method: 'GET', url: '/ip', remoteAddress: '10.0.0.5', headers: { 'x-forwarded-for': forwardedFor } });
  await app.close();
  return res.json().ip;
}

test('X-Forwarded-For is believed only from the proxies TRUST_PROXY names', async () => {
  const chain = '203.0.113.7, 198.51.100.2';
  expect(await clientAddress(loadConfig({}).TRUST_PROXY, chain)).toBe('10.0.0.5');
  expect(await clientAddress(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY, chain)).toBe('203.0.113.7');
  expect(await clientAddress(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY, chain)).toBe('198.51.100.2');
  expect(await clientAddress(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).TRUST_PROXY, chain)).toBe('198.51.100.2');
  expect(await clientAddress(loadConfig({ TRUST_PROXY: '192.168.0.1' }).TRUST_PROXY, chain)).toBe('10.0.0.5');
});

test('a TRUST_PROXY that is none of the accepted forms stops start-up with a message naming it', () => {
  expect(() => loadConfig({ TRUST_PROXY: 'the load balancer' })).toThrow(/TRUST_PROXY/);
});

test('TRUST_PROXY takes true and false in any case, and refuses addresses or prefixes that cannot be', () => {
  expect(loadConfig({ TRUST_PROXY: 'TRUE' }).TRUST_PROXY).toBe(true);
  expect(loadConfig({ TRUST_PROXY: 'False' }).TRUST_PROXY).toBe(false);
  expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 2001:db8::/32, ::1' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '2001:db8::/32', '::1']);
  expect(loadConfig({ TRUST_PROXY: '10.0.0.1/32, fe80::/128' }).TRUST_PROXY).toEqual(['10.0.0.1/32', 'fe80::/128']);
  for (const bad of ['999.1.1.1', '10.0.0.0/33', '2001:db8::/129', 'abc/8', '1.5', '10.0.0.0/8/8', '10.0.0.0/']) {
    expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
  }
});
