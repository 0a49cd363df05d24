import type { Db, PrismaClient } from '../db/client.js';
import { loadIntents } from '../intents/load-intents.js';
import { exampleCount, snapshotHash, type ModelSnapshot } from './model-snapshot.js';
import { notifyServingChange, type VersionKey, type VersionRef } from './live-model.js';

/** Serializes publishes and rollbacks across instances (pg_advisory_xact_lock key). */
export const publishLockKey = 62_118_004;

/** How a version became live, as {@link ModelActivation} records it. */
export type ActivationAction = 'publish' | 'activate' | 'rollback';

/** Outcome of {@link publishDraft}. */
export type PublishResult =
  | { published: true; version: VersionRef; snapshot: ModelSnapshot }
  | { published: false; reason: 'no_changes'; live: VersionRef };

/**
 * Freeze the draft (the enabled rows of the Intent tables) as a new ModelVersion and make it live, in one
 * transaction that NOTIFYs every instance at commit.
 * @param input.by who published (an admin's email, or `system`)
 * @param input.allowUnchanged publish even when the draft equals the live version (default false → `no_changes`)
 */
export async function publishDraft(prisma: PrismaClient, input: { by: string; note?: string; allowUnchanged?: boolean }): Promise<PublishResult> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${publishLockKey})`;
    const snapshot: ModelSnapshot = await loadIntents(tx);
    const contentHash = snapshotHash(snapshot);
    const live = await liveVersionOf(tx);
    if (live && live.contentHash === contentHash && !input.allowUnchanged) {
      return { published: false, reason: 'no_changes', live: { id: live.id, number: live.number } } as const;
    }
    const version = await tx.modelVersion.create({
      data: {
        snapshot: snapshot as object, contentHash, note: input.note ?? '', publishedBy: input.by,
        intentCount: snapshot.intents.length, exampleCount: exampleCount(snapshot),
      },
    });
    await setLive(tx, version.id, input.by, 'publish');
    return { published: true, version: { id: version.id, number: version.number }, snapshot } as const;
  });
}

/**
 * Make an existing version live again (a rollback, or a roll-forward), NOTIFYing every instance at commit.
 * @param version its id or its number
 * @returns the version, or null when there is no such version
 */
export async function activateVersion(prisma: PrismaClient, version: VersionKey, by: string): Promise<VersionRef | null> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${publishLockKey})`;
    const found = await tx.modelVersion.findUnique({ where: version, select: { id: true, number: true } });
    if (!found) return null;
    await setLive(tx, found.id, by, 'activate');
    return found;
  });
}

/**
 * At start: when nothing was ever published (a fresh or an upgraded database), publish the draft as the first
 * version, so every instance serves the same frozen model from then on. Safe when several instances start at once.
 * @returns the version created, or null when one was live already
 */
export async function ensureLiveVersion(prisma: PrismaClient): Promise<VersionRef | null> {
  if (await prisma.liveModel.findUnique({ where: { id: 1 } })) return null;
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${publishLockKey})`;
    if (await tx.liveModel.findUnique({ where: { id: 1 } })) return null;
    const snapshot = await loadIntents(tx);
    const version = await tx.modelVersion.create({
      data: {
        snapshot: snapshot as object, contentHash: snapshotHash(snapshot), note: 'Initial version', publishedBy: 'system',
        intentCount: snapshot.intents.length, exampleCount: exampleCount(snapshot),
      },
    });
    await setLive(tx, version.id, 'system', 'publish');
    return { id: version.id, number: version.number };
  });
}

async function liveVersionOf(db: Db): Promise<{ id: string; number: number; contentHash: string } | null> {
  const live = await db.liveModel.findUnique({ where: { id: 1 } });
  if (!live) return null;
  return db.modelVersion.findUnique({ where: { id: live.versionId }, select: { id: true, number: true, contentHash: true } });
}

/**
 * Switch the live version (inside the caller's transaction, under {@link publishLockKey}), record the switch in
 * ModelActivation and NOTIFY every instance at commit. Making the live version live again changes and records nothing.
 * @returns the activation's id, or null when nothing changed
 */
export async function setLive(db: Db, versionId: string, by: string, action: ActivationAction): Promise<number | null> {
  const current = await db.liveModel.findUnique({ where: { id: 1 } });
  if (current?.versionId === versionId) return null;
  await db.liveModel.upsert({
    where: { id: 1 },
    create: { id: 1, versionId, changedBy: by },
    update: { versionId, previousVersionId: current?.versionId ?? null, changedBy: by, changedAt: new Date() },
  });
  const activation = await db.modelActivation.create({ data: { fromVersionId: current?.versionId ?? null, toVersionId: versionId, action, by } });
  await notifyServingChange(db, 'model');
  return activation.id;
}
