import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../agent-desk/http/parse-input.js';
import { DeskbotError } from '../../core/errors.js';
import { loadIntents } from '../../intents/load-intents.js';
import { labelledTexts } from '../evaluation/evaluate-model.js';
import { parseIntentFile } from '../formats/parse-intent-file.js';
import { shadowReplay } from '../shadow-replay/shadow-replay.js';
import type { AdminContext } from './admin-context.js';
import { crossValidationBody, shadowReplayBody } from './admin-schemas.js';
import { fileLimitBytes, uploadedFile } from './import-export-routes.js';

/**
 * Checks on the draft before publishing (each trains models in a worker thread; seconds to a minute):
 * - `POST /api/admin/evaluate/cross-validation` `{ folds? = 5 }` → `{ report }`
 * - `POST /api/admin/evaluate/test-set` (an intent file of any import format) → `{ report, unknownIntents }`
 * - `POST /api/admin/shadow-replay` `{ limit? = 200 }` → `{ liveVersion, compared, changed, summary, rows }`,
 *   each row `{ messageId, at, text, old, oldRouteSource, live, draft }`
 * A report is `{ examples, accuracy, macroF1, perIntent: [{ intent, precision, recall, f1, support }],
 * confusion: { labels, matrix }, mistakes }`.
 */
export function registerEvaluationRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.post('/api/admin/evaluate/cross-validation', async (req) => {
    const { folds } = parseInput(crossValidationBody, req.body ?? undefined);
    const snapshot = await loadIntents(ctx.prisma);
    if (!snapshot.intents.length) throw new DeskbotError('bad_request', 'The draft has no enabled intent to evaluate.');
    return { report: await ctx.runner.run({ type: 'cross_validate', snapshot, folds }) };
  });
  app.post('/api/admin/evaluate/test-set', { bodyLimit: fileLimitBytes }, async (req) => {
    const file = uploadedFile(req);
    const tests = labelledTexts(parseIntentFile(file.content, file.format));
    const snapshot = await loadIntents(ctx.prisma);
    const known = new Set([...snapshot.intents.map((i) => i.name), 'out_of_scope']);
    const report = await ctx.runner.run({ type: 'test_set', snapshot, tests });
    return { report, unknownIntents: [...new Set(tests.map((t) => t.label).filter((l) => !known.has(l)))] };
  });
  app.post('/api/admin/shadow-replay', async (req) => {
    const { limit } = parseInput(shadowReplayBody, req.body ?? undefined);
    const draft = await loadIntents(ctx.prisma);
    const live = { understander: ctx.live.current().catalog.understander, thresholds: ctx.thresholds };
    const report = await shadowReplay({ db: ctx.prisma, runner: ctx.runner, live }, draft, limit);
    return { liveVersion: ctx.live.liveVersion(), ...report };
  });
}
