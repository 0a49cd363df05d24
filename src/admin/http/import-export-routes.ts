import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseInput } from '../../agent-desk/http/parse-input.js';
import { DeskbotError } from '../../core/errors.js';
import { loadIntents } from '../../intents/load-intents.js';
import { parseSnapshot, type ModelSnapshot } from '../../model-versions/model-snapshot.js';
import type { PrismaClient } from '../../db/client.js';
import { importIntoDraft } from '../draft/import-into-draft.js';
import { exportIntentFile } from '../formats/export-intent-file.js';
import { parseIntentFile } from '../formats/parse-intent-file.js';
import type { AdminContext } from './admin-context.js';
import { exportQuery, fileBody, importOptions } from './admin-schemas.js';
import { versionKeyOf } from './version-ref.js';

/** Largest intent file accepted, in bytes. */
export const fileLimitBytes = 5 * 1024 * 1024;

/**
 * An uploaded intent file from either body style: JSON `{ content, format? }`, or the raw file (`text/csv`,
 * `application/yaml`, `text/plain`, `application/json` with `?format=`) — so `curl --data-binary @nlu.yml` works.
 */
export function uploadedFile(req: FastifyRequest): { content: string; format: 'auto' | 'deskbot' | 'csv' | 'rasa' | 'luis' } {
  const query = req.query as Record<string, unknown>;
  const body = req.body as Record<string, unknown> | string | undefined;
  if (typeof body === 'string') return parseInput(fileBody, { content: body, format: query.format ?? 'auto' });
  if (body && typeof body.content === 'string') return parseInput(fileBody, { content: body.content, format: body.format });
  if (body && typeof body === 'object') return parseInput(fileBody, { content: JSON.stringify(body), format: query.format ?? 'auto' });
  throw new DeskbotError('bad_request', 'Send the file as the body, or JSON { "content": "…", "format": "rasa" }.');
}

/**
 * - `POST /api/admin/import` (file as above; `mode` merge|replace and `defaultKind` in the JSON or the query) →
 *   `{ format, summary, skipped, notes }`; changes the draft only. `notes` names the new intents that got `defaultKind`
 *   because the file gave them no kind (CSV, Rasa and LUIS never do): a wrong kind sends incidents down the question path.
 * - `GET /api/admin/export?format=deskbot|csv|rasa|luis&version=draft|<id>|<number>` → the file, as an attachment
 */
export function registerImportExportRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.post('/api/admin/import', { bodyLimit: fileLimitBytes }, async (req) => {
    const file = uploadedFile(req);
    const body = typeof req.body === 'object' && req.body && 'content' in req.body ? req.body : req.query;
    const options = parseInput(importOptions, { mode: (body as Record<string, unknown>).mode, defaultKind: (body as Record<string, unknown>).defaultKind });
    const catalogue = parseIntentFile(file.content, file.format);
    const summary = await importIntoDraft(ctx.prisma, catalogue, options);
    if (summary.articlesUnlinked.length) await ctx.live.sync();
    const created = new Set(summary.intentsCreated);
    const kindless = catalogue.intents.filter((i) => created.has(i.name) && !i.kind).map((i) => i.name);
    const notes = kindless.length
      ? [`${kindless.length} new intent${kindless.length === 1 ? '' : 's'} got the kind "${options.defaultKind}" (defaultKind), as the file gives none: ${kindless.slice(0, 10).join(', ')}${kindless.length > 10 ? ', …' : ''}. Set each one's kind, or import again with defaultKind.`]
      : [];
    return { format: catalogue.format, summary, skipped: catalogue.skipped, notes };
  });
  app.get('/api/admin/export', async (req, reply) => {
    const { format, version } = parseInput(exportQuery, req.query);
    // Only deskbot JSON can say "disabled"; the other formats are training data and carry the enabled intents.
    const { snapshot, name } = await snapshotFor(ctx.prisma, version, { includeDisabled: format === 'deskbot' });
    const file = exportIntentFile(snapshot, format, name);
    return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.content);
  });
}

/**
 * The draft, or a published version's snapshot (by id or number).
 * @param options.includeDisabled with the draft, also its disabled intents (`enabled: false`)
 * @throws DeskbotError `not_found` for an unknown version
 */
export async function snapshotFor(prisma: PrismaClient, version: string, options: { includeDisabled?: boolean } = {}): Promise<{ snapshot: ModelSnapshot; name: string }> {
  if (version === 'draft') return { snapshot: await loadIntents(prisma, options), name: 'draft' };
  const row = await prisma.modelVersion.findUnique({ where: versionKeyOf(version), select: { number: true, snapshot: true } });
  if (!row) throw new DeskbotError('not_found', `No model version ${version}.`);
  return { snapshot: parseSnapshot(row.snapshot), name: `v${row.number}` };
}
