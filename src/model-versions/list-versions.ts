import type { Db } from '../db/client.js';
import { loadIntents } from '../intents/load-intents.js';
import { snapshotHash } from './model-snapshot.js';
import type { VersionRef } from './live-model.js';
import { rollbackPlan } from './rollback.js';

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

/** One switch of the live version, as the admin page lists it (version numbers; null `from` for the very first). */
export interface ActivationSummary {
  from: number | null;
  to: number;
  action: string;
  by: string;
  at: string;
  /** True when a later rollback undid this switch. */
  undone: boolean;
}

/**
 * Every published version, newest first, which one is live, whether the draft differs from it (unpublished edits),
 * what "Roll back" would return to, and the last switches of the live version, newest first.
 * @param limit most versions and most switches returned (default 100 and 20)
 */
export async function listVersions(db: Db, limit = 100, switches = 20): Promise<{
  versions: VersionSummary[]; liveVersionId: string | null; draftChanged: boolean; rollbackTo: VersionRef | null; activations: ActivationSummary[];
}> {
  const [rows, live, draft, activations] = await Promise.all([
    db.modelVersion.findMany({ orderBy: { number: 'desc' }, take: limit, omit: { snapshot: true } }),
    db.liveModel.findUnique({ where: { id: 1 } }),
    loadIntents(db),
    db.modelActivation.findMany({ orderBy: { id: 'desc' }, take: switches }),
  ]);
  const ids = [...new Set(activations.flatMap((a) => [a.fromVersionId, a.toVersionId]).filter((id): id is string => !!id))];
  const [numbered, plan, liveHash] = await Promise.all([
    db.modelVersion.findMany({ where: { id: { in: ids } }, select: { id: true, number: true } }),
    rollbackPlan(db, live),
    live ? liveContentHash(db, live.versionId, rows) : undefined,
  ]);
  const numbers = new Map(numbered.map((v) => [v.id, v.number]));
  return {
    versions: rows.map((v) => ({
      id: v.id, number: v.number, note: v.note, publishedBy: v.publishedBy, createdAt: v.createdAt.toISOString(),
      intentCount: v.intentCount, exampleCount: v.exampleCount, live: v.id === live?.versionId,
    })),
    liveVersionId: live?.versionId ?? null,
    draftChanged: liveHash !== snapshotHash(draft),
    rollbackTo: plan?.to ?? null,
    activations: activations.map((a) => ({
      from: a.fromVersionId ? numbers.get(a.fromVersionId) ?? null : null, to: numbers.get(a.toVersionId) ?? 0,
      action: a.action, by: a.by, at: a.at.toISOString(), undone: a.undoneAt !== null,
    })),
  };
}

/** The live version's content hash: from the versions listed when it is among them, else read. */
async function liveContentHash(db: Db, versionId: string, listed: Array<{ id: string; contentHash: string }>): Promise<string | undefined> {
  const hash = listed.find((v) => v.id === versionId)?.contentHash;
  if (hash !== undefined) return hash;
  return (await db.modelVersion.findUnique({ where: { id: versionId }, select: { contentHash: true } }))?.contentHash;
}
