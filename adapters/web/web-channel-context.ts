import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { TranscriptConversation } from '../../src/core/index.js';
import { STREAM_TOKEN_SECONDS, signToken, type BoundUser } from './direct-line-token.js';
import { BOT_ACCOUNT } from './render-replies.js';
import type { StreamHub } from './stream-hub.js';
import type { TranscriptWriter } from './transcript-writer.js';
import type { WebChannelDeps } from './web-channel-deps.js';

/** Direct Line's answer to "start conversation", "reconnect" and the token routes. */
export interface ConversationGrant {
  conversationId: string;
  token: string;
  /** Seconds until the token expires. */
  expires_in: number;
  streamUrl?: string;
}

/** What the route modules share: the deps plus the helpers that open conversations and issue tokens. */
export interface WebChannelContext {
  deps: WebChannelDeps;
  streams: StreamHub;
  write: TranscriptWriter;
  /** Create a conversation (bound to `user` when given) and append the welcome message. */
  openConversation(user?: BoundUser): Promise<TranscriptConversation>;
  /** Sign a fresh conversation token. */
  issue(conversationId: string, user?: BoundUser): Promise<ConversationGrant>;
  /** The WebSocket URL for the conversation, carrying a 60-second stream token. */
  streamUrl(req: FastifyRequest, conversationId: string, watermark?: string): Promise<string>;
}

const DEFAULT_WELCOME = "Hi, I'm deskbot, the IT help desk. Tell me what's wrong or what you need.";

/** Build the shared route context. */
export function createWebChannelContext(deps: WebChannelDeps, streams: StreamHub, write: TranscriptWriter): WebChannelContext {
  const welcome = deps.welcomeText ?? DEFAULT_WELCOME;
  return {
    deps,
    streams,
    write,
    async openConversation(user) {
      // base64url never contains '|', which separates conversation and sequence in activity ids.
      const id = randomBytes(16).toString('base64url');
      const conversation = await deps.store.createConversation({ id, userId: user?.id, userTenant: user?.tenant });
      deps.logger.info({ conversationId: id, bound: Boolean(user) }, 'web conversation started');
      if (welcome) await write(id, { type: 'message', channelId: 'directline', conversation: { id }, from: { ...BOT_ACCOUNT }, text: welcome });
      return conversation;
    },
    async issue(conversationId, user) {
      const token = await signToken(deps.tokenKey, { conversationId, user, scope: 'conversation' }, deps.tokenTtlSeconds);
      return { conversationId, token, expires_in: deps.tokenTtlSeconds };
    },
    async streamUrl(req, conversationId, watermark) {
      const t = await signToken(deps.tokenKey, { conversationId, scope: 'stream' }, STREAM_TOKEN_SECONDS);
      const base = (deps.publicUrl ?? `${req.protocol}://${req.host}`).replace(/^http/, 'ws').replace(/\/$/, '');
      const query = new URLSearchParams({ t, ...(watermark ? { watermark } : {}) });
      return `${base}/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream?${query}`;
    },
  };
}
