import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';

export { PrismaClient };
export type { Prisma } from '../generated/prisma/client.js';

/** A Prisma client or the client of an interactive transaction: every data function accepts either. */
export type Db = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends' | '$use'>;

/**
 * Open a Prisma client on PostgreSQL through the pg driver adapter (no native engine).
 * @param url a `postgresql://` connection string
 * @param poolSize connections in the pool; 1 for the embedded PGlite server, which serves one client at a time
 */
export function createPrisma(url: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: poolSize });
  return new PrismaClient({ adapter });
}
