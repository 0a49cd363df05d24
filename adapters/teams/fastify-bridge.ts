import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CloudAdapter, Request, Response, TurnContext } from 'botbuilder';

/**
 * Run one Bot Framework request through `CloudAdapter.process`, which expects Express/Restify-style request and
 * response objects: the adapter writes status and body into a buffer, and the buffer goes out through Fastify once
 * the turn is over (an invoke's response body is the turn's invoke response).
 */
export async function processWithFastify(
  adapter: CloudAdapter, request: FastifyRequest, reply: FastifyReply, logic: (context: TurnContext) => Promise<void>,
): Promise<FastifyReply> {
  const outcome: { status: number; body?: unknown } = { status: 200 };
  const response: Response = {
    socket: request.raw.socket,
    status(code: number) { outcome.status = code; return this; },
    header() { return this; },
    send(body?: unknown) { outcome.body = body; return this; },
    end() { return this; },
  };
  const req: Request = { body: request.body as Record<string, unknown>, headers: request.headers, method: request.method };
  await adapter.process(req, response, logic);
  if (outcome.body === undefined) return reply.code(outcome.status).send();
  return typeof outcome.body === 'string'
    ? reply.code(outcome.status).type('text/plain; charset=utf-8').send(outcome.body)
    : reply.code(outcome.status).send(outcome.body);
}
