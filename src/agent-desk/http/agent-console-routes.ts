import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';

const publicDir = new URL('../public/', import.meta.url);

/**
 * Nothing but this origin's own script and stylesheet, no inline code or styles, no framing: agent views hold
 * employees' words, so a slip in escaping must not become script execution.
 */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The agent console: `GET /agent` (HTML), `/agent/console.js`, `/agent/console.css`, read once from
 * `src/agent-desk/public/`. The page itself needs no sign-in; everything it shows comes from the bearer API.
 * @throws the file system's error when a public file is missing
 */
export async function registerAgentConsoleRoutes(app: FastifyInstance): Promise<void> {
  const [html, script, css] = await Promise.all(
    ['console.html', 'console.js', 'console.css'].map((f) => readFile(new URL(f, publicDir), 'utf8')),
  );
  const hardened = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
  app.get('/agent', async (_req, reply) =>
    reply.type('text/html; charset=utf-8').headers({ ...hardened, 'content-security-policy': CSP, 'cache-control': 'no-cache' }).send(html));
  app.get('/agent/console.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').headers(hardened).send(script));
  app.get('/agent/console.css', async (_req, reply) => reply.type('text/css; charset=utf-8').headers(hardened).send(css));
}
