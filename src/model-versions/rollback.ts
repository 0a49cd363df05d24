import type { Db, PrismaClient } from '../db/client.js';
import type { VersionRef } from './live-model.js';
import { publishLockKey, setLive } from './publish-draft.js';

/** The LiveModel row, as far as {@link rollbackPlan} reads it. */
export interface LiveModelRow { versionId: string; previousVersionId: string | null }

/** What "Roll back" would do now: undo the switch `activationId` (null for a switch made before switches were recorded). */
export interface RollbackPlan {
  to: VersionRef;
  activationId: number | null;
}

/**
 * What "Roll back" returns to: the version live before the last switch that was not undone yet. Switches form a stack
 * (publish and "make live" push, a rollback pops), so rolling back twice undoes the last two switches, and a version a
 * rollback left is never brought back by a later rollback unless it was live right before the current one.
 * When the newest recorded switch does not lead to the live version (it was switched by a deskbot too old to record
 * switches), this falls back to LiveModel's previous version.
 * @param live the LiveModel row when the caller has just read it (null: nothing published); read here when omitted
 * @returns null when there is nothing to undo (the first version, or every switch undone)
 */
export async function rollbackPlan(db: Db, live?: LiveModelRow | null): Promise<RollbackPlan | null> {
  if (live === undefined) live = await db.liveModel.findUnique({ where: { id: 1 } });
  if (!live) return null;
  const last = await db.modelActivation.findFirst({
    where: { undoneAt: null, action: { not: 'rollback' } },
    orderBy: { id: 'desc' },
  });
  const recorded = last?.toVersionId === live.versionId;
  const targetId = recorded ? last.fromVersionId : live.previousVersionId;
  if (!targetId) return null;
  const to = await db.modelVersion.findUnique({ where: { id: targetId }, select: { id: true, number: true } });
  return to ? { to, activationId: recorded ? last.id : null } : null;
}

/**
 * Undo the last switch of the live version ({@link rollbackPlan}) in one transaction, under the publish lock (so two
 * admins on two instances pressing Roll back at once undo two switches, never the same one twice), recording the
 * rollback and NOTIFYing every instance at commit.
 * @returns the version now live, or null when there was nothing to undo
 */
export async function rollbackLiveVersion(prisma: PrismaClient, by: string): Promise<VersionRef | null> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${publishLockKey})`;
    const plan = await rollbackPlan(tx);
    if (!plan) return null;
    if (plan.activationId !== null) await tx.modelActivation.update({ where: { id: plan.activationId }, data: { undoneAt: new Date() } });
    await setLive(tx, plan.to.id, by, 'rollback');
    return plan.to;
  });
}
