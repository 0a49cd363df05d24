import { AuthenticationError } from 'botframework-connector';
import type { Activity, TurnContext } from 'botbuilder';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { activityLabel } from './activity-label.js';
import { inboundActivitySchema } from './activity-schema.js';
import type { DeskbotCloudAdapter } from './deskbot-cloud-adapter.js';
import type { TeamsLogger } from './teams-channel-deps.js';

/**
 * The Bot Framework messaging endpoint: a body that is not an activity gets 400; a request whose token is missing
 * (when authentication is on) or refused gets 401 with deskbot's JSON error body and one warn line (the reason, never
 * the token); a token that could not be checked (OpenID configuration unreachable) gets 500, so the channel retries.
 * Everything else runs `logic` and is answered 200, or with the turn's invoke response.
 */
export async function registerMessagesRoute(
  app: FastifyInstance,
  options: { path: string; cloud: DeskbotCloudAdapter; logic: (context: TurnContext) => Promise<void>; authenticated: boolean; logger: TeamsLogger },
): Promise<void> {
  await app.register(async (scope) => {
    scope.post(options.path, async (request, reply) => {
      const parsed = inboundActivitySchema.safeParse(request.body);
      if (!parsed.success) {
        return reply.code(400).send({ error: { code: 'bad_request', message: `Not a Bot Framework activity: ${parsed.error.issues[0]?.path.join('.') || 'body'} is invalid` } });
      }
      const activity = request.body as Activity;
      const authHeader = request.headers.authorization ?? '';
      if (options.authenticated && !authHeader) return refuse(reply, options.logger, activity, 'A Bot Framework token is required.');
      let auth;
      try {
        auth = await options.cloud.authenticate(activity, authHeader);
      } catch (err) {
        if (err instanceof AuthenticationError && err.statusCode < 500) return refuse(reply, options.logger, activity, err.message);
        options.logger.error({ err, activity: activityLabel(activity) }, 'Teams request could not be authenticated');
        return reply.code(500).send({ error: { code: 'internal', message: 'The token could not be checked; try again later.' } });
      }
      const invokeResponse = await options.cloud.runAuthenticated(auth, activity, options.logic);
      const status = invokeResponse?.status ?? 200;
      return invokeResponse?.body === undefined ? reply.code(status).send() : reply.code(status).send(invokeResponse.body);
    });
  });
}

function refuse(reply: FastifyReply, logger: TeamsLogger, activity: Activity, reason: string): FastifyReply {
  logger.warn({ reason, activity: activityLabel(activity) }, 'Teams request refused (401)');
  return reply.code(401).send({ error: { code: 'unauthorized', message: reason } });
}
