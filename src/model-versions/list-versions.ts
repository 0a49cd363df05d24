import type { Db } from '../db/client.js';
import { loadIntents } from '../intents/load-intents.js';
import { snapshotHash } from './model-snapshot.js';

/** A published version as the admin page lists it. */
export interface VersionSummary {
  id: string;
  number: number;
  note: string;
  publishedBy: string;
  createdAt: string;
  intentCount: number;
  exampleCount: number;
  live: boolean;
}

/**
 * Every published version, newest first, which one is live, and whether the draft differs from it (unpublished edits).
 * @param limit most versions returned (default 100)
 */
export async function listVersions(db: Db, limit = 100): Promise<{ versions: VersionSummary[]; liveVersionId: string | null; draftChanged: boolean }> {
  const [rows, live, draft] = await Promise.all([
    db.modelVersion.findMany({ orderBy: { number: 'desc' }, take: limit, omit: { snapshot: true } }),
    db.liveModel.findUnique({ where: { id: 1 } }),
    loadIntents(db),
  ]);
  const liveHash = live ? (await db.modelVersion.findUnique({ where: { id: live.versionId }, select: { contentHash: true } }))?.contentHash : undefined;
  return {
    versions: rows.map((v) => ({
      id: v.id, number: v.number, note: v.note, publishedBy: v.publishedBy, createdAt: v.createdAt.toISOString(),
      intentCount: v.intentCount, exampleCount: v.exampleCount, live: v.id === live?.versionId,
    })),
    liveVersionId: live?.versionId ?? null,
    draftChanged: liveHash !== snapshotHash(draft),
  };
}

/**
 * What "roll back" returns to: the newest version older (by number) than the live one, or null when the live version
 * is the oldest. Rolling back twice goes two versions back, not to and fro between the last two.
 */
export async function previousVersionId(db: Db): Promise<string | null> {
  const live = await db.liveModel.findUnique({ where: { id: 1 } });
  if (!live) return null;
  const current = await db.modelVersion.findUnique({ where: { id: live.versionId }, select: { number: true } });
  if (!current) return null;
  const before = await db.modelVersion.findFirst({ where: { number: { lt: current.number } }, orderBy: { number: 'desc' }, select: { id: true } });
  return before?.id ?? null;
}
