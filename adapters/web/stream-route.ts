import type { FastifyInstance } from 'fastify';
import type WebSocket from 'ws';
import { DeskbotError } from '../../src/core/index.js';
import { verifyToken } from './direct-line-token.js';
import type { WebChannelContext } from './web-channel-context.js';

interface StreamRequest {
  Params: { id: string };
  Querystring: { t?: string; watermark?: string };
}

const PAGE = 500;

/**
 * `GET /v3/directline/conversations/:id/stream?t=<stream token>&watermark=` — the Direct Line WebSocket stream. The token
 * is checked before the upgrade (401/403/404 as plain HTTP). The server then sends `{ activities: [one], watermark }` frames:
 * first everything after the watermark, then every new activity as it is appended. Frames the client sends (Web Chat's
 * empty keep-alive pings) are ignored.
 */
export function registerStreamRoute(app: FastifyInstance, ctx: WebChannelContext): void {
  const { deps } = ctx;
  app.get<StreamRequest>('/v3/directline/conversations/:id/stream', {
    websocket: true,
    preValidation: async (req) => {
      if (!req.query.t) throw new DeskbotError('unauthorized', 'The stream URL needs its t parameter.');
      const grant = await verifyToken(deps.tokenKey, req.query.t);
      if (grant.conversationId !== req.params.id) throw new DeskbotError('forbidden', 'The token is for another conversation.');
      if (req.query.watermark && !/^\d{1,19}$/.test(req.query.watermark)) {
        throw new DeskbotError('bad_request', 'watermark must be a decimal number.');
      }
      if (!(await deps.store.getConversation(req.params.id))) throw new DeskbotError('not_found', 'No such conversation.');
    },
  }, (socket, req) => {
    const conversationId = req.params.id;
    const flush = createFlusher(ctx, socket, conversationId, req.query.watermark);
    const unsubscribe = ctx.streams.subscribe(conversationId, flush);
    socket.on('close', unsubscribe);
    socket.on('error', (err: Error) => deps.logger.warn({ err, conversationId }, 'web chat stream error'));
    flush();
  });
}

/**
 * Sends what is new since the last frame, one activity per frame: botframework-directlinejs replays a multi-activity frame
 * on timers, so a later frame can overtake it and the bot's reply show before the user's echo. Calls are chained, so
 * frames go out in order and never repeat.
 */
function createFlusher(ctx: WebChannelContext, socket: WebSocket, conversationId: string, start?: string): () => void {
  let watermark = start;
  let chain = Promise.resolve();
  const sendNew = async () => {
    for (;;) {
      if (socket.readyState !== socket.OPEN) return;
      const page = await ctx.deps.store.listAppended(conversationId, watermark, PAGE);
      for (const entry of page) socket.send(JSON.stringify({ activities: [entry.activity], watermark: entry.watermark }));
      watermark = page.at(-1)?.watermark ?? watermark;
      if (page.length < PAGE) return;
    }
  };
  return () => {
    chain = chain.then(sendNew).catch((err) => ctx.deps.logger.warn({ err, conversationId }, 'web chat stream push failed'));
  };
}
