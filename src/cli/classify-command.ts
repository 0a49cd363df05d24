import type { Config } from '../config/config.js';
import { createPrisma } from '../db/client.js';
import { loadIntents } from '../intents/load-intents.js';
import { loadSeedIntents } from '../classification/load-seed-intents.js';
import { runClassify } from './classify.js';

/**
 * `deskbot classify [--train FILE]`: classify JSON lines from stdin with the published intents (from the database
 * when DATABASE_URL is set, otherwise the shipped seed intents), or with a model trained only on FILE.
 */
export async function classifyCommand(config: Config, options: { train?: string }): Promise<void> {
  let intents = loadSeedIntents();
  if (!options.train && config.DATABASE_URL) {
    const prisma = createPrisma(config.DATABASE_URL, 1);
    try {
      const stored = await loadIntents(prisma);
      if (stored.intents.length) intents = stored;
    } finally {
      await prisma.$disconnect();
    }
  }
  await runClassify(options, process.stdin, process.stdout, intents);
}
