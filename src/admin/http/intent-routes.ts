import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../agent-desk/http/parse-input.js';
import { listVersions } from '../../model-versions/list-versions.js';
import { addDraftExamples, createDraftIntent, deleteDraftExample, deleteDraftIntent, getDraftIntent, listDraftIntents, updateDraftIntent } from '../draft/draft-intents.js';
import { storedIntentName } from '../draft/stored-intent-name.js';
import type { AdminContext } from './admin-context.js';
import { expectedVersion, withEtag } from './if-match.js';
import { addExamplesBody, createIntentBody, exampleParams, intentParams, updateIntentBody } from './admin-schemas.js';

/**
 * The draft's intents (edits change the draft only; publishing makes them live):
 * - `GET /api/admin/intents` → `{ intents, draftChanged, liveVersion }` (`out_of_scope` is the out-of-scope examples)
 * - `POST /api/admin/intents` `{ name, kind, description?, defaultImpact?, defaultUrgency?, askImpact?, assignmentGroup?,
 *   agentOnly?, articleSlugs?, enabled?, examples? }` → 201 `{ intent, sharedWithOtherIntents }`; 409 `conflict` when
 *   the name is taken; 400 for `out_of_scope` (it is made by adding its examples)
 * - `GET /api/admin/intents/:name` → `{ intent }` with `examples: [{ id, text }]` and `version`; ETag header
 * - `PATCH /api/admin/intents/:name` (any settings) → `{ intent }`; with `If-Match: <ETag>`, 412 `changed` when
 *   someone changed the intent since (two admins editing at once do not overwrite each other)
 * - `DELETE /api/admin/intents/:name` → 204 (If-Match as for PATCH); articles linking to it lose the link
 * - `POST /api/admin/intents/:name/examples` `{ texts }` → `{ added, sharedWithOtherIntents: [{ text, intents }] }`:
 *   texts the intent has in any case are skipped; texts other intents hold too are listed (not refused)
 * - `PATCH /api/admin/intents/out_of_scope` accepts only a description (400 naming why otherwise)
 * - `DELETE /api/admin/intents/:name/examples/:id` → 204
 * `:name` is matched ignoring case, as names are unique ignoring case.
 */
export function registerIntentRoutes(app: FastifyInstance, ctx: AdminContext): void {
  const { prisma } = ctx;
  const nameIn = async (params: unknown) => storedIntentName(prisma, parseInput(intentParams, params).name);
  app.get('/api/admin/intents', async () => {
    const [intents, versions] = await Promise.all([listDraftIntents(prisma), listVersions(prisma, 1)]);
    return { intents, draftChanged: versions.draftChanged, liveVersion: ctx.live.liveVersion() };
  });
  app.post('/api/admin/intents', async (req, reply) => {
    const { name, examples, ...settings } = parseInput(createIntentBody, req.body);
    const sharedWithOtherIntents = await createDraftIntent(prisma, name, settings, examples);
    return reply.status(201).send({ intent: await getDraftIntent(prisma, name), sharedWithOtherIntents });
  });
  app.get('/api/admin/intents/:name', async (req, reply) => {
    const intent = await getDraftIntent(prisma, await nameIn(req.params));
    return withEtag(reply, intent.version).send({ intent });
  });
  app.patch('/api/admin/intents/:name', async (req, reply) => {
    const name = await nameIn(req.params);
    await updateDraftIntent(prisma, name, parseInput(updateIntentBody, req.body), expectedVersion(req));
    const intent = await getDraftIntent(prisma, name);
    return withEtag(reply, intent.version).send({ intent });
  });
  app.delete('/api/admin/intents/:name', async (req, reply) => {
    const unlinkedArticles = await deleteDraftIntent(prisma, await nameIn(req.params), expectedVersion(req));
    if (unlinkedArticles.length) await ctx.live.sync();
    return reply.status(204).send();
  });
  app.post('/api/admin/intents/:name/examples', async (req) => {
    return addDraftExamples(prisma, await nameIn(req.params), parseInput(addExamplesBody, req.body).texts);
  });
  app.delete('/api/admin/intents/:name/examples/:id', async (req, reply) => {
    const { name, id } = parseInput(exampleParams, req.params);
    await deleteDraftExample(prisma, await storedIntentName(prisma, name), id);
    return reply.status(204).send();
  });
}
