import type { Config } from '../config/config.js';
import { withDatabase } from './with-database.js';

/** `deskbot seed`: migrate and seed the configured (or embedded) database, then report counts. */
export async function seedCommand(config: Config): Promise<void> {
  const counts = await withDatabase(config, async (prisma) => ({
    intents: await prisma.intent.count(),
    articles: await prisma.knowledgeArticle.count(),
  }));
  console.log(JSON.stringify(counts));
}
