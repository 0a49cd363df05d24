import type { FastifyInstance } from 'fastify';
import { DeskbotError } from '../../src/core/index.js';
import { authenticate, requireConversation } from './authenticate.js';
import { inboundActivitySchema, parseOrThrow, watermarkQuerySchema } from './activity-schema.js';
import type { PostActivity } from './post-activity.js';
import { sanitizeJson } from './sanitize-text.js';
import type { WebChannelContext } from './web-channel-context.js';

/**
 * Direct Line 3.0 activity routes, both needing a token of that conversation (or the secret):
 * - `POST /v3/directline/conversations/:id/activities` → `{ id }` once the bot's replies are in the transcript
 * - `GET /v3/directline/conversations/:id/activities?watermark=` → `{ activities, watermark }`
 */
export function registerActivityRoutes(app: FastifyInstance, ctx: WebChannelContext, post: PostActivity): void {
  const { deps } = ctx;

  app.post<{ Params: { id: string } }>('/v3/directline/conversations/:id/activities', async (req) => {
    const principal = requireConversation(await authenticate(req.headers.authorization, deps), req.params.id);
    const conversation = await deps.store.getConversation(req.params.id);
    if (!conversation) throw new DeskbotError('not_found', 'No such conversation.');
    if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
      throw new DeskbotError('bad_request', 'The body must be a JSON activity object.');
    }
    const activity = sanitizeJson(parseOrThrow(inboundActivitySchema, req.body, 'activity'));
    return { id: await post(conversation, principal, activity) };
  });

  app.get<{ Params: { id: string } }>('/v3/directline/conversations/:id/activities', async (req) => {
    requireConversation(await authenticate(req.headers.authorization, deps), req.params.id);
    const { watermark } = parseOrThrow(watermarkQuerySchema, req.query, 'query');
    if (!(await deps.store.getConversation(req.params.id))) throw new DeskbotError('not_found', 'No such conversation.');
    return deps.store.list(req.params.id, watermark);
  });
}
