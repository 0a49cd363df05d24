import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../src/db/client.js';

/** A Prisma client whose every SQL statement (BEGIN and COMMIT included) is recorded as it is sent. */
export interface CountingPrisma {
  prisma: PrismaClient;
  /** The statements sent since the last {@link CountingPrisma.reset}, in the order sent (SQL text, trimmed). */
  statements: string[];
  reset(): void;
  close(): Promise<void>;
}

/**
 * Open a Prisma client on `url` through a pg pool whose clients record each `query` call: one call is one statement
 * and one round trip to PostgreSQL, which is what a turn's latency pays for. Counting at the driver, below Prisma,
 * also sees the transaction's BEGIN and COMMIT.
 * @param url a `postgresql://` connection string
 */
export function createCountingPrisma(url: string): CountingPrisma {
  const statements: string[] = [];
  class CountingClient extends pg.Client {
    override query(...args: unknown[]): never {
      const [config] = args;
      const text = typeof config === 'string' ? config : (config as { text?: string } | null)?.text ?? '';
      statements.push(text.replace(/\s+/g, ' ').trim());
      return (super.query as (...a: unknown[]) => never)(...args);
    }
  }
  const pool = new pg.Pool({ connectionString: url, max: 5, Client: CountingClient });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    statements,
    reset: () => { statements.length = 0; },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
