import type { FastifyRequest } from 'fastify';
import type { Understander } from '../../classification/types.js';
import type { PrismaClient } from '../../db/client.js';
import type { VersionRef } from '../../model-versions/live-model.js';
import type { AdminRef } from '../accounts/admin-accounts.js';
import type { EvaluationRunner } from '../evaluation/evaluation-runner.js';
import type { Thresholds } from '../shadow-replay/route-of.js';

/** The bot's live services as the admin API needs them (the app's ServiceHolder fits). */
export interface LiveServices {
  current(): { catalog: { understander: Understander } };
  /** Reload what changed in the database (after a publish, rollback or article edit). */
  sync(): Promise<boolean>;
  liveVersion(): VersionRef | null;
}

/** What every admin route uses. */
export interface AdminContext {
  prisma: PrismaClient;
  live: LiveServices;
  thresholds: Thresholds;
  runner: EvaluationRunner;
  /** The admin who sent the request (set by the authentication hook). */
  adminOf(request: FastifyRequest): AdminRef;
}
