import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../agent-desk/http/parse-input.js';
import { DeskbotError } from '../../core/errors.js';
import { activateVersion, publishDraft } from '../../model-versions/publish-draft.js';
import { listVersions } from '../../model-versions/list-versions.js';
import { rollbackLiveVersion } from '../../model-versions/rollback.js';
import { publishWarnings } from '../draft/publish-warnings.js';
import { AdminError } from '../admin-error.js';
import type { AdminContext } from './admin-context.js';
import { publishBody, versionParams } from './admin-schemas.js';
import { versionKeyOf } from './version-ref.js';

/**
 * Published model versions. Publishing and switching take effect on this instance before the response (it retrains,
 * or reuses a catalogue it still holds: the one served before the last switch) and on every other instance within
 * seconds (NOTIFY, or its poll):
 * - `GET /api/admin/versions` → `{ versions, liveVersionId, draftChanged, rollbackTo, activations }`
 * - `POST /api/admin/versions` `{ note? }` → 201 `{ version, warnings }`; 409 `no_changes` when the draft equals the
 *   live version; `warnings` name what is thin (no out_of_scope examples, fewer than 3 intents) without refusing
 * - `POST /api/admin/versions/rollback` → `{ version }`: undo the last switch not undone yet, i.e. return to the
 *   version live before it (twice: undo two switches); 409 `conflict` when there is none (see rollbackPlan)
 * - `POST /api/admin/versions/:id/activate` → `{ version }`: make any version live (`:id` may be its number)
 */
export function registerVersionRoutes(app: FastifyInstance, ctx: AdminContext): void {
  const { prisma } = ctx;
  app.get('/api/admin/versions', async () => listVersions(prisma));
  app.post('/api/admin/versions', async (req, reply) => {
    const { note } = parseInput(publishBody, req.body ?? undefined);
    const result = await publishDraft(prisma, { by: ctx.adminOf(req).email, note });
    if (!result.published) throw new AdminError('no_changes', `The draft is the same as live version ${result.live.number}: nothing to publish.`);
    await ctx.live.sync();
    return reply.status(201).send({ version: result.version, warnings: publishWarnings(result.snapshot) });
  });
  app.post('/api/admin/versions/rollback', async (req) => {
    const version = await rollbackLiveVersion(prisma, ctx.adminOf(req).email);
    if (!version) throw new AdminError('conflict', 'There is no earlier live version to roll back to: no switch of the live version is left to undo.');
    await ctx.live.sync();
    return { version };
  });
  app.post('/api/admin/versions/:id/activate', async (req) => ({
    version: await activate(ctx, parseInput(versionParams, req.params).id, ctx.adminOf(req).email),
  }));
}

async function activate(ctx: AdminContext, ref: string, by: string) {
  const version = await activateVersion(ctx.prisma, versionKeyOf(ref), by);
  if (!version) throw new DeskbotError('not_found', `No model version ${ref}.`);
  await ctx.live.sync();
  return version;
}
