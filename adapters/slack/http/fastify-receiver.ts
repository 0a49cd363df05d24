import type { App, Receiver } from '@slack/bolt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createLruCache } from '../../../src/core/index.js';
import type { SlackLogger } from '../slack-channel-deps.js';
import { isSslCheck, parseSlackBody } from './parse-slack-body.js';
import { checkSlackSignature } from './verify-slack-signature.js';

/** Bolt's Receiver (init/start/stop) as Fastify routes on deskbot's one HTTP server; `mount` adds the route. */
export interface FastifyReceiver extends Receiver {
  mount(app: FastifyInstance): Promise<void>;
  /** Resolves once Bolt has finished with every request received so far (listeners included, not just the ack). */
  idle(): Promise<void>;
}

export interface FastifyReceiverOptions {
  signingSecret: string;
  logger: SlackLogger;
  /** Largest accepted body in bytes. */
  bodyLimit: number;
  /** Route path; default `/slack/events` (Events API, interactivity and slash commands alike). */
  path?: string;
  /** Answer 200 anyway when nothing acknowledged within this many ms (Slack gives up at 3 s). Default 2500. */
  ackTimeoutMs?: number;
}

type AckReply = { status: number; body?: unknown };

const challengeSchema = z.object({ type: z.literal('url_verification'), challenge: z.string().min(1).max(500) });

/**
 * The HTTP Events API receiver: verify the signature over the raw body, answer `url_verification`, drop a redelivery
 * of an `event_id` already taken (Slack retries what it thinks was not acknowledged within 3 s), and hand everything
 * else to Bolt with an `ack` that answers the HTTP request at once — the listeners do their work after it.
 */
export function createFastifyReceiver(options: FastifyReceiverOptions): FastifyReceiver {
  let bolt: App | null = null;
  const seen = createLruCache<true>(20_000, 60 * 60_000);
  const inFlight = new Set<Promise<unknown>>();
  const log = options.logger;

  function dispatch(body: Record<string, unknown>, retryNum?: number, retryReason?: string): Promise<AckReply> {
    return new Promise((resolve) => {
      let settled = false;
      const finish = (reply: AckReply) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(reply);
      };
      const timer = setTimeout(() => {
        log.warn({ type: body.type }, 'Slack request not acknowledged in time; answering 200 so it is not retried');
        finish({ status: 200 });
      }, options.ackTimeoutMs ?? 2500);
      const ack = async (response?: unknown) => finish({ status: 200, body: response });
      const processing = bolt!.processEvent({ body, ack, ...(retryNum !== undefined ? { retryNum } : {}), ...(retryReason ? { retryReason } : {}) }).then(
        () => finish({ status: 200 }),
        (err: unknown) => {
          log.error({ err, type: body.type }, 'Slack request failed in Bolt');
          finish({ status: 500 });
        },
      );
      inFlight.add(processing);
      void processing.finally(() => inFlight.delete(processing));
    });
  }

  async function handle(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const raw = typeof request.body === 'string' ? request.body : '';
    const contentType = request.headers['content-type'];
    if (isSslCheck(raw, contentType)) return reply.code(200).send();
    const refused = checkSlackSignature(options.signingSecret, raw, request.headers);
    if (refused) {
      log.warn({ reason: refused }, 'Slack request refused');
      return reply.code(401).send({ error: { code: 'unauthorized', message: refused } });
    }
    const parsed = parseSlackBody(raw, contentType);
    if (!parsed.ok) return reply.code(400).send({ error: { code: 'bad_request', message: parsed.message } });
    const challenge = challengeSchema.safeParse(parsed.body);
    if (challenge.success) return reply.code(200).send({ challenge: challenge.data.challenge });
    const eventId = typeof parsed.body.event_id === 'string' ? parsed.body.event_id : null;
    const retryNum = Number(request.headers['x-slack-retry-num']) || undefined;
    if (eventId && seen.get(eventId)) {
      log.info({ eventId, retryNum }, 'Slack redelivery of an event already taken: acknowledged, not processed');
      return reply.code(200).send();
    }
    if (eventId) seen.set(eventId, true);
    if (!bolt) return reply.code(503).send({ error: { code: 'unavailable', message: 'Slack channel is starting' } });
    const retryReason = typeof request.headers['x-slack-retry-reason'] === 'string' ? request.headers['x-slack-retry-reason'] : undefined;
    const answer = await dispatch(parsed.body, retryNum, retryReason);
    return send(reply, answer);
  }

  return {
    init(app) { bolt = app; },
    async start() { return undefined; },
    async stop() { return undefined; },
    async idle() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    async mount(app) {
      await app.register(async (scope) => {
        // Signatures cover the exact bytes Slack sent: take every body as a string and parse it after verifying.
        scope.removeAllContentTypeParsers();
        scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: options.bodyLimit }, (_req, body, done) => done(null, body));
        scope.post(options.path ?? '/slack/events', handle);
      });
    },
  };
}

function send(reply: FastifyReply, answer: AckReply): FastifyReply {
  reply.code(answer.status);
  if (answer.body === undefined || answer.body === '') return reply.send();
  if (typeof answer.body === 'string') return reply.type('text/plain; charset=utf-8').send(answer.body);
  return reply.type('application/json').send(JSON.stringify(answer.body));
}
