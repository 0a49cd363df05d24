import { isIP } from 'node:net';
import { z } from 'zod';
import { optionalServiceUrl } from './config-fields.js';

/** The process itself: where it listens and logs, its database, Redis and data folder, the proxies it trusts. */
export const serverSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** PostgreSQL; unset → embedded PostgreSQL (PGlite) under DATA_DIR. */
  DATABASE_URL: optionalServiceUrl(/^postgres(ql)?$/, 'postgres:// or postgresql://'),
  /**
   * Connections set aside for the Slack write-ahead journal (its insert comes before each acknowledgement), beside
   * Prisma's pool; 0 → through Prisma's pool. Unused on the embedded database, which serves one connection.
   */
  JOURNAL_DB_CONNECTIONS: z.coerce.number().int().min(0).max(20).default(2),
  /** Redis; unset → a private redis-server started from PATH. */
  REDIS_URL: optionalServiceUrl(/^rediss?$/, 'redis:// or rediss://'),
  DATA_DIR: z.string().default('./data'),
  /**
   * Reverse proxies whose X-Forwarded-For is believed for the client's address (rate limits count per address):
   * `false` (default: none), `true` (any), a hop count such as `1`, or a comma-separated list of addresses/CIDRs.
   */
  TRUST_PROXY: z.string().trim().default('false').transform((v, ctx) => {
    const lower = v.toLowerCase();
    if (lower === '' || lower === 'false') return false;
    if (lower === 'true') return true;
    if (/^\d{1,2}$/.test(v)) return Number(v);
    const list = v.split(',').map((x) => x.trim()).filter(Boolean);
    const bad = list.filter((x) => !isAddressOrCidr(x));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `TRUST_PROXY must be true, false, a hop count, or addresses/CIDRs separated by commas (not ${bad.join(', ')})`,
      });
      return z.NEVER;
    }
    return list;
  }),
});

/** An IPv4/IPv6 address, optionally with a prefix length within the address' size (/32 or /128). */
function isAddressOrCidr(value: string): boolean {
  const [address, prefix, ...rest] = value.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}
