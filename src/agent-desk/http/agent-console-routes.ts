import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { consoleFileHeaders, consolePageCsp } from '../../http/console-session/index.js';

const publicDir = new URL('../public/', import.meta.url);


/**
 * The agent console: `GET /agent` (HTML), `/agent/console.js`, `/agent/console.css`, read once from
 * `src/agent-desk/public/`. The page itself needs no sign-in; everything it shows comes from the API, after the console's session sign-in.
 * @throws the file system's error when a public file is missing
 */
export async function registerAgentConsoleRoutes(app: FastifyInstance): Promise<void> {
  const [html, script, css] = await Promise.all(
    ['console.html', 'console.js', 'console.css'].map((f) => readFile(new URL(f, publicDir), 'utf8')),
  );
  const hardened = consoleFileHeaders;
  app.get('/agent', async (_req, reply) =>
    reply.type('text/html; charset=utf-8').headers({ ...hardened, 'content-security-policy': consolePageCsp, 'cache-control': 'no-cache' }).send(html));
  app.get('/agent/console.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').headers(hardened).send(script));
  app.get('/agent/console.css', async (_req, reply) => reply.type('text/css; charset=utf-8').headers(hardened).send(css));
}
