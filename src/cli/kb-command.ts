import type { Config } from '../config/config.js';
import { createPrisma } from '../db/client.js';
import { createKnowledgeIndex } from '../knowledge/create-knowledge-index.js';
import { loadArticles } from '../knowledge/load-articles.js';
import { readArticlesFromDir } from '../knowledge/read-articles.js';
import { seedArticlesDir } from '../seed/seed-if-empty.js';
import { runKbImport, runKbSearch } from './kb.js';
import { withDatabase } from './with-database.js';

/** `deskbot kb import DIR`: upsert the folder's Markdown articles into the database. */
export async function kbImportCommand(config: Config, dir: string): Promise<void> {
  const result = await withDatabase(config, (prisma) => runKbImport(prisma, dir));
  console.log(JSON.stringify(result));
}

/**
 * `deskbot kb search [--docs FILE] [--k N]`: with --docs, search an index of FILE alone; otherwise the database's
 * articles when DATABASE_URL is set, else the shipped articles.
 */
export async function kbSearchCommand(config: Config, options: { docs?: string; k?: number }): Promise<void> {
  let index = null;
  if (!options.docs) {
    if (config.DATABASE_URL) {
      const prisma = createPrisma(config.DATABASE_URL, 1);
      try { index = createKnowledgeIndex(await loadArticles(prisma)); } finally { await prisma.$disconnect(); }
    } else {
      const docs = await readArticlesFromDir(seedArticlesDir);
      index = createKnowledgeIndex(docs.map((d) => ({ ...d, id: d.slug })));
    }
  }
  await runKbSearch(options, process.stdin, process.stdout, index);
}
