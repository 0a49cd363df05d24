import type { Db } from '../db/client.js';
import { parseSnapshot, type ModelSnapshot } from './model-snapshot.js';

/** The PostgreSQL NOTIFY channel on which publishes, rollbacks and article edits are announced to every instance. */
export const modelNotifyChannel = 'deskbot_model';

/** A published version as instances see it. */
export interface VersionRef {
  id: string;
  number: number;
}

/** A published version's unique key: its id, or its number. */
export type VersionKey = { id: string } | { number: number };

/** The live version and its snapshot, or null before anything was published. */
export async function loadLiveModel(db: Db): Promise<{ version: VersionRef; snapshot: ModelSnapshot } | null> {
  const rows = await db.$queryRaw<Array<{ id: string; number: number; snapshot: unknown }>>`
    SELECT v."id", v."number", v."snapshot" FROM "LiveModel" l JOIN "ModelVersion" v ON v."id" = l."versionId" WHERE l."id" = 1`;
  const row = rows[0];
  return row ? { version: { id: row.id, number: row.number }, snapshot: parseSnapshot(row.snapshot) } : null;
}

/** What an instance serves, in two short strings: when either differs from what it loaded, it reloads. */
export interface ServingFingerprint {
  /** Live version id, or null when nothing was published yet. */
  versionId: string | null;
  /** MD5 over every knowledge article's id and update time: changes with any create, edit or delete. */
  articles: string;
}

/** Read the {@link ServingFingerprint} in one cheap statement (run by every instance's poll). */
export async function readServingFingerprint(db: Db): Promise<ServingFingerprint> {
  const rows = await db.$queryRaw<Array<{ versionId: string | null; articles: string }>>`
    SELECT (SELECT "versionId" FROM "LiveModel" WHERE "id" = 1) AS "versionId",
           (SELECT md5(coalesce(string_agg("id" || '@' || "updatedAt"::text, ',' ORDER BY "id"), '')) FROM "KnowledgeArticle") AS "articles"`;
  return rows[0] ?? { versionId: null, articles: '' };
}

/**
 * Tell every instance to look again (inside the caller's transaction, NOTIFY is delivered at commit).
 * @param what `model` after a publish or rollback, `articles` after a knowledge article edit
 */
export async function notifyServingChange(db: Db, what: 'model' | 'articles'): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${modelNotifyChannel}, ${what})`;
}
