import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../agent-desk/http/parse-input.js';
import { misunderstoodInbox } from '../inbox/misunderstood-inbox.js';
import { addMessagesToIntent, dismissMessages } from '../inbox/triage-messages.js';
import { listUnprocessed } from '../inbox/unprocessed-messages.js';
import type { AdminContext } from './admin-context.js';
import { inboxAddBody, inboxDismissBody, inboxQuery } from './admin-schemas.js';

/**
 * The misunderstood inbox:
 * - `GET /api/admin/inbox?days=30` → `{ total, groups: [{ key, size, terms, suggestedIntent, messages }] }`
 * - `POST /api/admin/inbox/add` `{ messageIds, intent }` → `{ added }`: the texts become examples in the draft
 * - `POST /api/admin/inbox/dismiss` `{ messageIds }` → `{ dismissed }`
 * - `GET /api/admin/unprocessed?days=30` → `{ messages: [{ id, channel, eventId, conversationExternalId,
 *   senderExternalId, text, error, receivedAt }] }`: failed turns that could not be kept in a conversation, and Slack
 *   events replayed too often without success, newest first (at most 200; texts redacted)
 */
export function registerInboxRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get('/api/admin/inbox', async (req) => misunderstoodInbox(ctx.prisma, { days: parseInput(inboxQuery, req.query).days, act: ctx.thresholds.act }));
  app.post('/api/admin/inbox/add', async (req) => {
    const { messageIds, intent } = parseInput(inboxAddBody, req.body);
    return addMessagesToIntent(ctx.prisma, { messageIds, intent, by: ctx.adminOf(req).email });
  });
  app.get('/api/admin/unprocessed', async (req) => ({ messages: await listUnprocessed(ctx.prisma, parseInput(inboxQuery, req.query).days) }));
  app.post('/api/admin/inbox/dismiss', async (req) => dismissMessages(ctx.prisma, { messageIds: parseInput(inboxDismissBody, req.body).messageIds, by: ctx.adminOf(req).email }));
}
