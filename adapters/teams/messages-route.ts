import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { FastifyInstance } from 'fastify';
import { inboundActivitySchema } from './activity-schema.js';
import { processWithFastify } from './fastify-bridge.js';

/**
 * The Bot Framework messaging endpoint: a body that is not an activity gets 400, a request without a token (when
 * authentication is on) 401; everything else goes to the CloudAdapter, which validates the token and runs `logic`.
 */
export async function registerMessagesRoute(
  app: FastifyInstance, options: { path: string; cloud: CloudAdapter; logic: (context: TurnContext) => Promise<void>; authenticated: boolean },
): Promise<void> {
  await app.register(async (scope) => {
    scope.post(options.path, async (request, reply) => {
      const parsed = inboundActivitySchema.safeParse(request.body);
      if (!parsed.success) {
        return reply.code(400).send({ error: { code: 'bad_request', message: `Not a Bot Framework activity: ${parsed.error.issues[0]?.path.join('.') || 'body'} is invalid` } });
      }
      // botbuilder would refuse it too, but prints the error to stderr: the commonest stray request is answered here.
      if (options.authenticated && !request.headers.authorization) {
        return reply.code(401).send({ error: { code: 'unauthorized', message: 'A Bot Framework token is required.' } });
      }
      return processWithFastify(options.cloud, request, reply, options.logic);
    });
  });
}
