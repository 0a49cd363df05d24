import type { FastifyInstance } from 'fastify';

const PREFIX = '/v3/directline/';

/**
 * CORS for the Direct Line routes, so Web Chat on an intranet page of another origin can talk to deskbot (as it
 * talks to Microsoft's Direct Line). Any origin is allowed and credentials are not: these routes authenticate with
 * a bearer token the page must already hold, never a cookie, so another origin gains nothing it did not have.
 * The stock page's cookie routes (`/api/web/token`, `/auth/*`) get no CORS headers and stay same-origin.
 */
export function registerDirectLineCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith(PREFIX)) return;
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', 'content-type');
  });
  app.options(`${PREFIX}*`, async (req, reply) => {
    const asked = req.headers['access-control-request-headers'];
    return reply.code(204)
      .header('access-control-allow-methods', 'GET, POST, OPTIONS')
      .header('access-control-allow-headers', typeof asked === 'string' && /^[\w\s,-]{0,300}$/.test(asked) ? asked : 'authorization, content-type')
      .header('access-control-max-age', '600')
      .send();
  });
}
